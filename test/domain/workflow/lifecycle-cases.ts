// Shared checks for every lifecycle, generated from its transition table: each (state, action) pair is
// either the table's next state or a refusal naming the state, the action and what is allowed.
import type { Test } from 'tap'
import fc from 'fast-check'
import type { Lifecycle } from '../../../src/domain/workflow/lifecycle.js'

export function checkLifecycleTable<S extends string, E extends string> (
  t: Test,
  lifecycle: Lifecycle<S, E>,
  states: readonly S[],
  actions: readonly E[],
  initial: S
): void {
  t.test('every allowed and every refused transition', async (t) => {
    for (const from of states) {
      const row: Partial<Record<E, S>> = lifecycle.table[from]
      const allowed = actions.filter((a) => row[a] !== undefined)
      t.same(lifecycle.allowedActions(from), allowed, `allowed actions from ${from}`)
      for (const action of actions) {
        const result = lifecycle.transition(from, action)
        const next = row[action]
        if (next !== undefined) {
          t.same(result, { ok: true, value: next }, `${from} --${action}--> ${next}`)
          continue
        }
        if (result.ok) {
          t.fail(`${from} --${action}--> should be refused`)
          continue
        }
        t.equal(result.error.code, `${lifecycle.subject.toUpperCase()}_TRANSITION_NOT_ALLOWED`)
        t.equal(result.error.kind, 'conflict')
        t.match(result.error.message, from, `message names the state ${from}`)
        t.match(result.error.message, action, `message names the action ${action}`)
        t.same(result.error.details, { from, action, allowed }, `${from} --${action}--> refused`)
      }
    }
  })

  t.test('every state is reachable from the first and every state can still reach an end', async (t) => {
    const reachable = new Set<S>([initial])
    for (let grew = true; grew;) {
      grew = false
      for (const from of [...reachable]) {
        for (const next of Object.values(lifecycle.table[from]) as S[]) {
          if (!reachable.has(next)) {
            reachable.add(next)
            grew = true
          }
        }
      }
    }
    t.same([...reachable].sort(), [...states].sort())
    const reachesEnd = (from: S, seen = new Set<S>()): boolean => {
      if (lifecycle.isTerminal(from)) return true
      seen.add(from)
      return (Object.values(lifecycle.table[from]) as S[]).some((next) => !seen.has(next) && reachesEnd(next, seen))
    }
    for (const state of states) t.ok(reachesEnd(state), `${state} is not a dead end`)
  })

  t.test('states and actions unknown at run time are refused, not crashed on', async (t) => {
    const unknownState = lifecycle.transition('bogus' as S, actions[0] as E)
    t.same(unknownState.ok ? [] : unknownState.error.details?.allowed, [])
    const inherited = lifecycle.transition(initial, 'toString' as E)
    t.equal(inherited.ok, false)
  })

  t.test('property: no action sequence ever leaves a terminal state', async () => {
    const terminals = states.filter((s) => lifecycle.isTerminal(s))
    fc.assert(
      fc.property(fc.constantFrom(...terminals), fc.array(fc.constantFrom(...actions)), (start, seq) =>
        seq.every((action) => !lifecycle.transition(start, action).ok)
      )
    )
  })

  t.test('property: any accepted sequence only visits states in the table', async () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...actions), { maxLength: 30 }), (seq) => {
        let state = initial
        for (const action of seq) {
          const result = lifecycle.transition(state, action)
          if (result.ok) state = result.value
        }
        return states.includes(state)
      })
    )
  })
}

/** Runs an action sequence from a state, ignoring refused actions; returns every state visited in order. */
export function walk<S extends string, E extends string> (
  lifecycle: Lifecycle<S, E>,
  start: S,
  seq: readonly E[]
): S[] {
  const visited = [start]
  let state = start
  for (const action of seq) {
    const result = lifecycle.transition(state, action)
    if (result.ok) {
      state = result.value
      visited.push(state)
    }
  }
  return visited
}
