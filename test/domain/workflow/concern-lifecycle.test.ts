import t from 'tap'
import {
  ConcernEvent,
  ConcernSeverity,
  ConcernState,
  concernLifecycle,
  isOpenSafeguardingConcern
} from '../../../src/domain/workflow/concern-lifecycle.js'
import { checkLifecycleTable, walk } from './lifecycle-cases.js'

checkLifecycleTable(t, concernLifecycle, ConcernState.options, ConcernEvent.options, 'received')

t.test('received → triaged → investigating → outcome → closed', async (t) => {
  t.same(walk(concernLifecycle, 'received', ['triage', 'start_investigation', 'retriage', 'not_uphold', 'close']), [
    'received',
    'triaged',
    'investigating',
    'investigating',
    'not_upheld',
    'closed'
  ])
})

t.test('only an open safeguarding concern blocks or suspends an award', async (t) => {
  for (const state of ConcernState.options) {
    for (const severity of [...ConcernSeverity.options, null]) {
      t.equal(
        isOpenSafeguardingConcern({ state, severity }),
        severity === 'safeguarding' && state !== 'closed',
        `${state}/${severity}`
      )
    }
  }
})
