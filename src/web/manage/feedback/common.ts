// What the co-ordinator's feedback pages share (README: Feedback letters and interviews): the signed-in member of
// staff as the use cases' actor, the page layout with the portal navigation, the words for respondent types and
// modes, and small form-reading helpers (a form field is a string or, repeated, a list).
import { z } from 'zod'
import type { FieldProblem } from '../../../domain/errors.js'
import type { FeedbackMode, RespondentType } from '../../../domain/scheme/index.js'
import type { FeedbackTarget } from '../../../use-cases/feedback-instrument.js'
import type { ChoiceItem } from '../../feedback/form-page.js'
import { layoutOf, type LayoutView } from '../../layout.js'
import { MANAGE_HOME, manageNavigation, staffCtx } from '../../portal.js'

export const FEEDBACK_HOME = `${MANAGE_HOME}/feedback`
export const assessmentPath = (id: string): string => `${FEEDBACK_HOME}/${id}`

export const assessmentParams = z.object({ id: z.uuid() })
export const formBody = z.record(z.string(), z.union([z.string(), z.array(z.string())]))
export type FormBody = z.infer<typeof formBody>

/** A single field's value; a repeated field (a tampered form) reads as missing. */
export const field = (body: FormBody, name: string): string => {
  const value = body[name]
  return typeof value === 'string' ? value.trim() : ''
}

/** The signed-in member of staff's use-case context (one for the whole portal: src/web/portal.ts). */
export { staffCtx }

export const feedbackLayout = (title: string, target: FeedbackTarget | null, hasErrors = false): LayoutView =>
  layoutOf({
    title,
    council: target === null
      ? null
      : { name: target.councilName, slug: target.councilSlug, brandColour: target.councilBrandColour },
    hasErrors,
    navigation: manageNavigation(FEEDBACK_HOME)
  })

export const RESPONDENT_NAMES: Record<RespondentType, string> = {
  person: 'A person who uses the service',
  carer: 'A carer',
  proxy: 'Someone answering for a person who uses the service'
}

export const MODE_NAMES: Record<FeedbackMode, string> = {
  self: 'Web form',
  interview: 'Interview',
  assisted: 'With help from someone',
  easy_read: 'Easy read'
}

/** Radio items for a list of values with their names, the chosen one checked. */
export const choiceItems = <T extends string>(
  idPrefix: string,
  names: Record<T, string>,
  values: readonly T[],
  chosen: string,
  hints: Partial<Record<T, string>> = {}
): Array<ChoiceItem & { hint?: { text: string } }> =>
    values.map((value, i) => ({
      value,
      text: names[value],
      id: i === 0 ? idPrefix : `${idPrefix}-${i}`,
      checked: value === chosen,
      ...(hints[value] === undefined ? {} : { hint: { text: hints[value] } })
    }))

/** The error summary's list and each field's message, from problems whose paths are field ids. */
export function fieldErrors (problems: readonly FieldProblem[]) {
  const byField = new Map<string, string>()
  for (const p of problems) if (!byField.has(p.path)) byField.set(p.path, p.message)
  return {
    errorList: [...byField].map(([id, text]) => ({ href: `#${id}`, text })),
    errorOf: (id: string) => {
      const text = byField.get(id)
      return text === undefined ? undefined : { text }
    }
  }
}
