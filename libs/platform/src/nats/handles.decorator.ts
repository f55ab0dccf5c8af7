import { Ctx, MessagePattern, Payload, type NatsContext } from '@nestjs/microservices';
import {
  CALLER_HEADER,
  Caller,
  type Contract,
  type ParsedRequestOf,
  type ResponseOf,
} from '@bandanh/contracts';
import { DomainError } from '../errors/domain-error';

type Handler<C extends Contract> = (
  input: ParsedRequestOf<C>,
  caller: Caller,
  context: NatsContext,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

/** The identity of whoever sent the message; a message without one is refused. */
export function callerOf(context: NatsContext | undefined): Caller {
  const raw = context?.getHeaders()?.get(CALLER_HEADER);
  if (!raw) throw new DomainError('UNAUTHENTICATED', 'The message carries no caller identity');
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new DomainError('UNAUTHENTICATED', 'The caller identity on the message is not JSON');
  }
  const caller = Caller.safeParse(parsed);
  if (!caller.success)
    throw new DomainError('UNAUTHENTICATED', 'The caller identity on the message is not valid');
  return caller.data;
}

/**
 * Binds a method to a contract's subject. The caller's identity is read from the message and
 * the input is parsed with the contract before the method runs (a bad message becomes
 * VALIDATION_FAILED naming the field); the answer is checked against the contract before it
 * leaves. The method receives `(input, caller, context)`.
 */
export function Handles<C extends Contract>(contract: C) {
  return (target: object, propertyKey: string | symbol, descriptor: { value?: Handler<C> }): void => {
    const method = descriptor.value;
    if (!method) throw new Error(`@Handles(${contract.subject}) must decorate a method`);

    const wrapped = async function (this: unknown, payload: unknown, context: NatsContext) {
      const caller = callerOf(context);
      const input = contract.request.safeParse(payload);
      if (!input.success) throw DomainError.validation(input.error);
      const output = await method.call(this, input.data as ParsedRequestOf<C>, caller, context);
      const checked = contract.response.safeParse(output);
      if (!checked.success) {
        throw new Error(`The answer on ${contract.subject} breaks its contract: ${checked.error.message}`);
      }
      return checked.data;
    };
    Object.defineProperty(wrapped, 'name', { value: method.name });
    descriptor.value = wrapped as unknown as Handler<C>;
    MessagePattern(contract.subject)(target, propertyKey, descriptor as PropertyDescriptor);
    // Nest passes the NATS context only to a parameter marked for it.
    Payload()(target, propertyKey, 0);
    Ctx()(target, propertyKey, 1);
  };
}
