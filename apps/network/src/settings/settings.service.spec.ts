import { anonymous, orchestrator, refusal, staff, STAFF_ID } from '@bandanh/platform/testing';
import { SAVED_AT, fakeSettingsRepository, storedSettings } from './settings.fakes';
import { DEFAULT_SETTINGS, SettingsService } from './settings.service';

describe('the network settings', () => {
  it('are the defaults until an admin saves others', async () => {
    const settings = new SettingsService(fakeSettingsRepository());
    await expect(settings.current()).resolves.toEqual({ settings: DEFAULT_SETTINGS, updatedAt: null });
  });

  it('are what an admin saved, with when', async () => {
    const saved = storedSettings({ reassessmentWaitDays: 30 });
    const settings = new SettingsService(fakeSettingsRepository({ find: jest.fn(async () => saved) }));
    await expect(settings.current()).resolves.toEqual({
      settings: saved.settings,
      updatedAt: SAVED_AT.toISOString(),
    });
  });

  it('are read by programme staff and the services, not by other staff or the public', async () => {
    const settings = new SettingsService(fakeSettingsRepository());
    await expect(settings.read(staff('assessor'))).resolves.toMatchObject({ settings: DEFAULT_SETTINGS });
    await expect(settings.read(orchestrator)).resolves.toMatchObject({ settings: DEFAULT_SETTINGS });
    await expect(settings.read(staff('trainer'))).rejects.toEqual(refusal('FORBIDDEN'));
    await expect(settings.read(anonymous)).rejects.toEqual(refusal('UNAUTHENTICATED'));
  });

  it('are changed by admins only, and record which admin', async () => {
    const repository = fakeSettingsRepository();
    const settings = new SettingsService(repository);
    const next = { ...DEFAULT_SETTINGS, pilotDeclinesDevelopment: false };
    await expect(settings.update(staff('coordinator'), next)).rejects.toEqual(
      refusal('FORBIDDEN', 'This needs one of the roles: admin'),
    );
    expect(repository.save).not.toHaveBeenCalled();
    await settings.update(staff('admin'), next);
    expect(repository.save).toHaveBeenCalledWith(next, STAFF_ID);
  });

  it('write down each setting changed, before and after, in the transaction of the change', async () => {
    const repository = fakeSettingsRepository({ find: jest.fn(async () => storedSettings()) });
    const settings = new SettingsService(repository);
    await settings.update(staff('admin'), { ...DEFAULT_SETTINGS, reassessmentWaitDays: 30 });
    expect(repository.transaction).toHaveBeenCalledTimes(1);
    expect(repository.audit).toHaveBeenCalledWith({
      action: 'network.settings.update',
      target: { type: 'settings', id: 'network' },
      actor: STAFF_ID,
      eventId: `network.settings.update:${SAVED_AT.toISOString()}`,
      details: { before: { reassessmentWaitDays: 90 }, after: { reassessmentWaitDays: 30 } },
    });
  });

  it('write nothing down for a save that changes nothing', async () => {
    const repository = fakeSettingsRepository({ find: jest.fn(async () => storedSettings()) });
    await new SettingsService(repository).update(staff('admin'), DEFAULT_SETTINGS);
    expect(repository.save).toHaveBeenCalled();
    expect(repository.audit).not.toHaveBeenCalled();
  });
});
