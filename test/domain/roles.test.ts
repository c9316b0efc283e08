import t from 'tap'
import { isStaffRole, STAFF_ROLES, USER_ROLES } from '../../src/domain/roles.js'

t.test('staff are the co-ordinators and reviewers, nobody else', async (t) => {
  t.same(
    USER_ROLES.filter((r) => isStaffRole(r)),
    ['coordinator', 'reviewer']
  )
  t.same([...STAFF_ROLES], ['coordinator', 'reviewer'])
  t.notOk(isStaffRole('admin'))
  t.notOk(isStaffRole('provider'))
})
