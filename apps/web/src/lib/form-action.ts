import 'server-only';
import type { z } from 'zod';
import { toFieldIssues } from '@bandanh/contracts';
import type { Locale } from '@/i18n/routing';
import { afterFailure } from './auth';
import { localeOf } from './locale';
import { refused, refusedHere, type Refusal, type Wording } from './refusal';

export interface Command<Input, Answer, State, Key extends string, Field extends string> {
  /** The page a lost session comes back to after signing in again; public forms, sent without one, have none. */
  path?: string;
  /** The form read by the contract the API applies too: a refusal is said before the API is asked. */
  input?: z.ZodSafeParseResult<Input>;
  /** The call to the API, with the input read. */
  send: (input: Input) => Promise<Answer>;
  /** How the form words a refusal. */
  wording: Wording<Key, Field>;
  /** The form's state after a refusal, from its words (and the error, for what they do not say). */
  refused: (refusal: Refusal<Key, Field>, error: unknown) => NoInfer<State> | Promise<NoInfer<State>>;
  /** What the answer leads to: usually another page. */
  done: (answer: Answer, locale: Locale) => NoInfer<State> | Promise<NoInfer<State>>;
}

/**
 * A server action's one call to the API, in the form's language (its `locale` field): the answer
 * goes to `done`; a refusal goes to `refused` in the form's words, after a lost session has gone
 * to sign in and a missing two-factor enrolment to its set-up.
 */
export async function submit<Input, Answer, State, Key extends string, Field extends string = string>(
  formData: FormData,
  command: Command<Input, Answer, State, Key, Field>,
): Promise<State> {
  const { input, wording } = command;
  if (input && !input.success)
    return command.refused(refusedHere(toFieldIssues(input.error), wording), undefined);
  const locale = localeOf(formData.get('locale'));
  let answer: Answer;
  try {
    answer = await command.send(input?.data as Input);
  } catch (error) {
    if (command.path) afterFailure(error, locale, command.path);
    return command.refused(refused(error, wording), error);
  }
  return command.done(answer, locale);
}
