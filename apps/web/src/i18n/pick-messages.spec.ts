import { loadMessages } from './catalog';
import { mergeMessages, pickMessages } from './pick-messages';

const catalog = {
  app: { name: 'Bandanh', loading: 'Loading…' },
  account: { working: 'Working…', errors: { required: 'Required', tooLong: 'Too long' } },
  apply: { title: 'Apply' },
};

describe('the messages a page sends to the browser', () => {
  it('keeps only the namespaces and keys asked for, nested as in the catalog', () => {
    expect(pickMessages(catalog, ['apply', 'account.working'])).toEqual({
      apply: { title: 'Apply' },
      account: { working: 'Working…' },
    });
  });

  it('joins two paths under the same namespace', () => {
    expect(pickMessages(catalog, ['account.working', 'account.errors'])).toEqual({
      account: catalog.account,
    });
  });

  it('refuses a path the catalog does not have, so a typo cannot ship message keys', () => {
    expect(() => pickMessages(catalog, ['aply'])).toThrow('No messages at aply');
    expect(() => pickMessages(catalog, ['app.name.first'])).toThrow('No messages at app.name.first');
  });

  it('lays a section’s messages over the page’s without dropping what only the page has', () => {
    expect(
      mergeMessages(
        { error: { title: 'Oops' }, account: { errors: { required: 'Required' } } },
        {
          account: { working: 'Working…' },
        },
      ),
    ).toEqual({
      error: { title: 'Oops' },
      account: { errors: { required: 'Required' }, working: 'Working…' },
    });
  });

  it('sends far less than the whole Khmer catalog to the application form', () => {
    const km = loadMessages('km');
    const sent = JSON.stringify(pickMessages(km, ['apply', 'focusIssues', 'account.working'])).length;
    expect(sent).toBeLessThan(JSON.stringify(km).length / 4);
  });
});
