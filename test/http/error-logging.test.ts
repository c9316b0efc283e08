// A failed database write is logged with its SQL shape and error code, never with the values it was given
// (README: Security and privacy, what is logged).
import { Writable } from 'node:stream'
import { sql } from 'drizzle-orm'
import t from 'tap'
import { buildTestApp } from '../helpers/app.js'
import { addAssessment, bestAnswers } from '../helpers/feedback.js'

const lines: string[] = []
const sink = new Writable({
  write (chunk, _enc, done) {
    lines.push(...chunk.toString().split('\n').filter(Boolean))
    done()
  }
})
const h = await buildTestApp(t, { logStream: sink, env: { WEBHOOK_ALLOW_LOOPBACK: 'true' } })
const [north] = h.councils
const staff = h.auth(north.coordinator.token)

// Every insert into these tables fails inside the database, as a full disk or a broken constraint would.
for (const table of ['webhook_subscriptions', 'feedback_responses']) {
  await h.db.db.execute(sql.raw(`create or replace function refuse_${table} () returns trigger language plpgsql as
    $$ begin raise exception 'refused for the test' using errcode = 'XX001'; end $$`))
  await h.db.db.execute(sql.raw(`create trigger refuse_${table} before insert on ${table}
    for each row execute function refuse_${table}()`))
}

t.test('a failing write logs its SQL shape and code, not the secret or comment it carried', async (t) => {
  const provider = await h.addProvider(north)
  const assessmentId = await addAssessment(h, north, provider.id)
  lines.length = 0
  const hook = await h.app.inject({
    method: 'POST',
    url: '/api/v1/webhooks',
    headers: staff,
    payload: { url: 'http://127.0.0.1:9/hook', description: 'desc-carried-by-the-insert' }
  })
  t.equal(hook.statusCode, 500)
  const comment = 'My neighbour Mrs Example at 4 Hill Street'
  const response = await h.app.inject({
    method: 'POST',
    url: `/api/v1/assessments/${assessmentId}/feedback-responses`,
    headers: staff,
    payload: { respondentType: 'person', mode: 'interview', answers: { ...bestAnswers(), COMMENT: comment } }
  })
  t.equal(response.statusCode, 500)
  const all = lines.join('\n')
  const errors = lines.map((l) => JSON.parse(l)).filter((l) => l.err !== undefined)
  t.ok(errors.length >= 2, 'both failures were logged')
  t.notMatch(all, 'whsec_', 'the webhook signing secret')
  t.notMatch(all, 'desc-carried-by-the-insert', 'a value of the insert')
  t.notMatch(all, 'Hill Street', "a respondent's comment")
  t.notMatch(all, 'as_i_want', 'answers')
  t.ok(errors.every((e) => e.err.code === 'XX001'), 'the SQLSTATE code is kept')
  t.ok(errors.some((e) => /insert into "webhook_subscriptions"/.test(e.err.sql)), 'the statement shape is kept')
  t.ok(errors.every((e) => /\$1/.test(e.err.sql)), 'with placeholders for the values')
})
