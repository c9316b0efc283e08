import t from 'tap'
import {
  AppealEvent,
  AppealState,
  AppealSubject,
  appealLifecycle
} from '../../../src/domain/workflow/appeal-lifecycle.js'
import { checkLifecycleTable, walk } from './lifecycle-cases.js'

checkLifecycleTable(t, appealLifecycle, AppealState.options, AppealEvent.options, 'lodged')

t.test('each outcome is reached through review and then closed', async (t) => {
  for (const [action, outcome] of [
    ['uphold', 'upheld'],
    ['partly_uphold', 'partly_upheld'],
    ['dismiss', 'dismissed']
  ] as const) {
    t.same(walk(appealLifecycle, 'lodged', ['acknowledge', 'start_review', action, 'close']), [
      'lodged',
      'acknowledged',
      'under_review',
      outcome,
      'closed'
    ])
  }
})

t.test('an outcome cannot be reached without review', async (t) => {
  t.notOk(appealLifecycle.transition('acknowledged', 'uphold').ok)
  t.notOk(appealLifecycle.transition('lodged', 'dismiss').ok)
})

t.test('appealable subjects are those src/domain/README.md names', async (t) => {
  t.same(AppealSubject.options, ['decision', 'downgrade', 'suspension', 'revocation'])
  t.notOk(AppealSubject.safeParse('concern').success)
})
