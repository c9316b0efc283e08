// The domain error type and the Result helpers every pure rule returns.
import t from 'tap'
import { DomainError, ERRORS, err, isDomainError, isErrorCode, ok } from '../../src/domain/errors.js'

t.test('a DomainError carries its code, kind, field problems and details', async (t) => {
  const e = new DomainError('FEEDBACK_ANSWERS_INVALID', 'invalid', 'It is wrong', {
    errors: [{ path: 'body.x', message: 'bad' }],
    details: { from: 'a' }
  })
  t.ok(isDomainError(e))
  t.notOk(isDomainError(new Error('plain')))
  t.match(e, {
    name: 'DomainError',
    code: 'FEEDBACK_ANSWERS_INVALID',
    kind: 'invalid',
    message: 'It is wrong',
    errors: [{ path: 'body.x' }],
    details: { from: 'a' }
  })
  t.same(new DomainError('USER_INACTIVE', 'conflict', 'no extras').errors, undefined)
  t.same(ok(3), { ok: true, value: 3 })
  t.same(err(e), { ok: false, error: e })
})

t.test('every code comes from the registry, with its kind; the default message is the registry\'s', async (t) => {
  const e = new DomainError('NOT_FOUND', 'not_found')
  t.equal(e.message, ERRORS.NOT_FOUND.message)
  t.ok(isErrorCode('NOT_FOUND'))
  t.notOk(isErrorCode('NO_SUCH_CODE'))
  t.notOk(isErrorCode('toString'), 'inherited names are not codes')
  t.notOk(isErrorCode(42))
  // what the compiler refuses, a cast or a code built at run time, is refused when the error is built
  t.throws(() => new DomainError('NO_SUCH_CODE' as never, 'conflict' as never), TypeError)
  t.throws(() => new DomainError('NOT_FOUND', 'conflict' as never), TypeError, 'the kind must be the registered one')
  for (const [code, definition] of Object.entries(ERRORS)) {
    t.match(code, /^[A-Z][A-Z0-9_]*$/, `${code} is SCREAMING_SNAKE`)
    t.ok(definition.title.length > 0 && definition.message.length > 0, `${code} has a title and a message`)
  }
})
