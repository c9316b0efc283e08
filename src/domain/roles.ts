// Who acts in the service (src/domain/README.md: roles): the user roles and the one rule of who counts as staff.

export const USER_ROLES = ['admin', 'coordinator', 'reviewer', 'provider'] as const
export type UserRole = (typeof USER_ROLES)[number]

/** The council's staff: co-ordinators and reviewers (a reviewer always has a co-ordinator's rights). */
export const STAFF_ROLES = ['coordinator', 'reviewer'] as const satisfies readonly UserRole[]
export type StaffRole = (typeof STAFF_ROLES)[number]

export const isStaffRole = (role: UserRole): role is StaffRole => (STAFF_ROLES as readonly UserRole[]).includes(role)
