import { MessagePattern, type NatsContext } from '@nestjs/microservices';
import type { Contract, ParsedRequestOf, ResponseOf } from '@bandanh/contracts';
import { DomainError } from '../errors/domain-error';

type Handler<C extends Contract> = (
  input: ParsedRequestOf<C>,
  context: NatsContext,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

/**
 * Binds a method to a contract's subject. The input is parsed with the contract before the
 * method runs (a bad message becomes VALIDATION_FAILED naming the field), and the answer is
 * checked against the contract before it leaves.
 */
export function Handles<C extends Contract>(contract: C) {
  return (target: object, propertyKey: string | symbol, descriptor: { value?: Handler<C> }): void => {
    const method = descriptor.value;
    if (!method) throw new Error(`@Handles(${contract.subject}) must decorate a method`);

    const wrapped = async function (this: unknown, payload: unknown, context: NatsContext) {
      const input = contract.request.safeParse(payload);
      if (!input.success) throw DomainError.validation(input.error);
      const output = await method.call(this, input.data as ParsedRequestOf<C>, context);
      const checked = contract.response.safeParse(output);
      if (!checked.success) {
        throw new Error(`The answer on ${contract.subject} breaks its contract: ${checked.error.message}`);
      }
      return checked.data;
    };
    Object.defineProperty(wrapped, 'name', { value: method.name });
    descriptor.value = wrapped as Handler<C>;
    MessagePattern(contract.subject)(target, propertyKey, descriptor as PropertyDescriptor);
  };
}
