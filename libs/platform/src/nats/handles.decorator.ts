import { Ctx, MessagePattern, Payload, type NatsContext } from '@nestjs/microservices';
import { type Caller, type Contract, type ParsedRequestOf, type ResponseOf } from '@bandanh/contracts';
import { DomainError } from '../errors/domain-error';
import { verifiedCallerOf } from './prefixed-nats.server';

type Handler<C extends Contract> = (
  input: ParsedRequestOf<C>,
  caller: Caller,
  context: NatsContext,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

/**
 * Binds a method to a contract's subject. The caller is the one the transport verified from
 * the message's signed header (a message without a valid one never gets here), and the input is parsed with the contract before the method runs (a bad message becomes
 * VALIDATION_FAILED naming the field); the answer is checked against the contract before it
 * leaves. The method receives `(input, caller, context)`.
 */
export function Handles<C extends Contract>(contract: C) {
  return (target: object, propertyKey: string | symbol, descriptor: { value?: Handler<C> }): void => {
    const method = descriptor.value;
    if (!method) throw new Error(`@Handles(${contract.subject}) must decorate a method`);

    const wrapped = async function (this: unknown, payload: unknown, context: NatsContext) {
      const caller = verifiedCallerOf(context);
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
