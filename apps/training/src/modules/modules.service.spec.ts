import { DEFAULT_MODULE_IDS } from '@bandanh/contracts';
import { refusal, replaying, staff, STAFF_ID } from '@bandanh/platform/testing';
import { DEFAULT_MODULES } from './modules.defaults';
import { aModule, aNewModule, fakeModulesRepository } from './modules.fakes';
import type { ModulesRepository } from './modules.repository';
import { ModulesService } from './modules.service';

describe('the training catalogue', () => {
  it('starts with the four required modules, in Khmer and English, once', async () => {
    const empty = fakeModulesRepository({}, []);
    await new ModulesService(empty).onApplicationBootstrap();
    expect(empty.lock).toHaveBeenCalledWith('training.modules.defaults');
    expect(empty.insert).toHaveBeenCalledWith(...DEFAULT_MODULES);
    expect(DEFAULT_MODULES.map((m) => m.id)).toEqual([...DEFAULT_MODULE_IDS]);
    for (const module of DEFAULT_MODULES) {
      expect(module.requiredForGrants).toBe(true);
      expect(module.titleKm).toMatch(/[\u1780-\u17FF]/);
    }

    const kept = fakeModulesRepository();
    await new ModulesService(kept).onApplicationBootstrap();
    expect(kept.insert).not.toHaveBeenCalled();
  });

  it('is read by programme staff and trainers, and by nobody else', async () => {
    const repository = fakeModulesRepository();
    const modules = new ModulesService(repository);
    await expect(modules.list(staff('trainer'), false)).resolves.toHaveLength(4);
    await expect(modules.get(staff('assessor'), 'advocacy')).resolves.toMatchObject({ titleEn: 'Advocacy' });
    await expect(modules.list(staff('finance'), false)).rejects.toEqual(refusal('FORBIDDEN'));
    await expect(modules.get(staff('protection_officer'), 'advocacy')).rejects.toEqual(refusal('FORBIDDEN'));
  });

  it('says a module that is not in it was not found', async () => {
    await expect(new ModulesService(fakeModulesRepository()).get(staff('admin'), 'cooking')).rejects.toEqual(
      expect.objectContaining({ code: 'NOT_FOUND', details: { id: 'cooking', resource: 'Module' } }),
    );
  });
});

describe('adding a module', () => {
  it('is for admins only', async () => {
    const repository = fakeModulesRepository();
    await expect(
      new ModulesService(repository).create(staff('coordinator'), 'key-00001', aNewModule()),
    ).rejects.toEqual(refusal('FORBIDDEN', 'This needs one of the roles: admin'));
    expect(repository.once).not.toHaveBeenCalled();
  });

  it('adds it once per idempotency key, and writes it down', async () => {
    const repository = fakeModulesRepository();
    const draft = aNewModule();
    const { module, created } = await new ModulesService(repository).create(
      staff('admin'),
      'key-00001',
      draft,
    );
    expect(created).toBe(true);
    expect(module).toMatchObject({ id: 'digital_security', requiredForGrants: false });
    expect(repository.once).toHaveBeenCalledWith(
      { name: 'training.module.create', key: 'key-00001', request: draft },
      expect.any(Function),
    );
    expect(repository.audit).toHaveBeenCalledWith({
      action: 'training.module.create',
      target: { type: 'training_module', id: 'digital_security' },
      actor: STAFF_ID,
      eventId: 'training.module.create:digital_security',
      details: { titleEn: 'Digital security', requiredForGrants: false },
    });
  });

  it('answers a retry with the first answer, adding nothing', async () => {
    const first = aModule({ id: 'digital_security' });
    const repository = fakeModulesRepository({ once: replaying<ModulesRepository>(first) });
    await expect(
      new ModulesService(repository).create(staff('admin'), 'key-00001', aNewModule()),
    ).resolves.toEqual({ module: first, created: false });
    expect(repository.insert).not.toHaveBeenCalled();
    expect(repository.audit).not.toHaveBeenCalled();
  });

  it('refuses an id the catalogue already holds, writing nothing down', async () => {
    const repository = fakeModulesRepository();
    await expect(
      new ModulesService(repository).create(staff('admin'), 'key-00001', aNewModule({ id: 'advocacy' })),
    ).rejects.toEqual(
      expect.objectContaining({ code: 'CONFLICT', details: { reason: 'module_exists', id: 'advocacy' } }),
    );
    expect(repository.audit).not.toHaveBeenCalled();
  });
});

describe('changing a module', () => {
  const { id: _id, ...draft } = { ...DEFAULT_MODULES[2], durationMinutes: 600 };

  it('is for admins only', async () => {
    const repository = fakeModulesRepository();
    await expect(new ModulesService(repository).update(staff('trainer'), 'advocacy', draft)).rejects.toEqual(
      refusal('FORBIDDEN'),
    );
    expect(repository.update).not.toHaveBeenCalled();
  });

  it('writes down what changed, as it was and as it is', async () => {
    const repository = fakeModulesRepository();
    const module = await new ModulesService(repository).update(staff('admin'), 'advocacy', draft);
    expect(module.durationMinutes).toBe(600);
    expect(repository.find).toHaveBeenCalledWith('advocacy', true);
    expect(repository.audit).toHaveBeenCalledWith(
      expect.objectContaining({
        action: 'training.module.update',
        target: { type: 'training_module', id: 'advocacy' },
        details: { titleEn: 'Advocacy', before: { durationMinutes: 480 }, after: { durationMinutes: 600 } },
      }),
    );
  });

  it('writes nothing down when nothing changed', async () => {
    const repository = fakeModulesRepository();
    const { id: _same, ...same } = DEFAULT_MODULES[2];
    await new ModulesService(repository).update(staff('admin'), 'advocacy', same);
    expect(repository.audit).not.toHaveBeenCalled();
  });

  it('says a module that is not in the catalogue was not found', async () => {
    const repository = fakeModulesRepository();
    await expect(new ModulesService(repository).update(staff('admin'), 'cooking', draft)).rejects.toEqual(
      refusal('NOT_FOUND'),
    );
    expect(repository.update).not.toHaveBeenCalled();
  });
});
