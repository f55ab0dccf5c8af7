import type { Caller, Contract, StaffRole } from '@bandanh/contracts';
import { systemCaller, type NatsRpc } from '@bandanh/platform';
import { loadOrchestratorConfig, type OrchestratorConfig } from '../config/env';

/** Small factories for the orchestrator's unit tests: callers, configuration and fakes. */

export const STAFF_ID = '11111111-1111-4111-8111-111111111111';
export const CBO_ID = '33333333-3333-4333-8333-333333333333';

export function staff(...roles: StaffRole[]): Extract<Caller, { kind: 'staff' }> {
  return { kind: 'staff', userId: STAFF_ID, roles };
}

export function applicant(cboId: string | null = CBO_ID): Caller {
  return { kind: 'applicant', userId: '22222222-2222-4222-8222-222222222222', cboId };
}

export const network: Caller = systemCaller('network');

/** The configuration the schema gives for `env`, as at boot. */
export function config(env: Record<string, string> = {}): OrchestratorConfig {
  return loadOrchestratorConfig({ EXPANSION_SCHEDULE: 'off', ...env });
}

type Methods<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? K : never]: T[K] };
export type Fake<T> = {
  [K in keyof Methods<T>]: jest.MockedFunction<Extract<Methods<T>[K], (...args: any[]) => any>>;
};

/**
 * A fake of a class for a service's unit tests: the methods given, as jest mocks, and every
 * other method a mock that fails the test if it is called.
 */
export function fake<T>(methods: Partial<Methods<T>> = {}): T & Fake<T> {
  const mocks = new Map<PropertyKey, jest.Mock>();
  return new Proxy({} as T & Fake<T>, {
    get(_, name) {
      if (name === 'then') return undefined;
      if (!mocks.has(name)) {
        const given = (methods as Record<PropertyKey, (...args: unknown[]) => unknown>)[name];
        mocks.set(
          name,
          jest.fn(
            given ??
              (() => {
                throw new Error(`The fake was not expecting a call to ${String(name)}`);
              }),
          ),
        );
      }
      return mocks.get(name);
    },
  });
}

/** A NATS client whose answers are given per subject; `sent` lists what was sent, in order. */
export function fakeRpc(answers: Record<string, (input: unknown) => unknown> = {}) {
  const sent: Array<{ subject: string; input: unknown; caller: Caller }> = [];
  const rpc = {
    send: jest.fn(async (contract: Contract, input: unknown, caller: Caller) => {
      sent.push({ subject: contract.subject, input, caller });
      const answer = answers[contract.subject];
      if (!answer) throw new Error(`The fake NATS has no answer for ${contract.subject}`);
      return answer(input);
    }),
  };
  return { rpc: rpc as unknown as NatsRpc, sent };
}
