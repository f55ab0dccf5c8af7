import { escapeLike } from './repository';

// The repository base is tested in the platform (libs/platform/src/db/service-repository.spec.ts).
describe('escaping LIKE', () => {
  it('makes the wildcards mean themselves', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
  });
});
