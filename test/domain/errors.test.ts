// The domain error type and the Result helpers every pure rule returns.
import t from 'tap'
import { DomainError, err, isDomainError, ok } from '../../src/domain/errors.js'

t.test('a DomainError carries its code, kind, field problems and details', async (t) => {
  const e = new DomainError('SOMETHING_WRONG', 'invalid', 'It is wrong', {
    errors: [{ path: 'body.x', message: 'bad' }],
    details: { from: 'a' }
  })
  t.ok(isDomainError(e))
  t.notOk(isDomainError(new Error('plain')))
  t.match(e, {
    name: 'DomainError',
    code: 'SOMETHING_WRONG',
    kind: 'invalid',
    message: 'It is wrong',
    errors: [{ path: 'body.x' }],
    details: { from: 'a' }
  })
  t.same(new DomainError('X', 'conflict', 'no extras').errors, undefined)
  t.same(ok(3), { ok: true, value: 3 })
  t.same(err(e), { ok: false, error: e })
})
