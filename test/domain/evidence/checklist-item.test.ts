import t from 'tap'
import { describeChecklistItem, type ItemPiece } from '../../../src/domain/evidence/checklist-item.js'

const piece = (over: Partial<ItemPiece>): ItemPiece => ({
  id: 'a',
  status: 'submitted',
  createdAt: new Date('2025-01-01T00:00:00Z'),
  expiresOn: '2026-01-01',
  noExpiry: false,
  reviewerNote: null,
  ...over
})

t.test('an item that does not apply is not applicable, whatever was given', async (t) => {
  t.same(describeChecklistItem(false, []), { status: 'not_applicable', note: null, expiresOn: null })
  t.same(describeChecklistItem(false, [piece({ reviewerNote: 'ok' })]), {
    status: 'not_applicable',
    note: 'ok',
    expiresOn: '2026-01-01'
  })
})

t.test('an applicable item without evidence is missing', async (t) => {
  t.same(describeChecklistItem(true, []), { status: 'missing', note: null, expiresOn: null })
})

t.test('the piece that speaks for the item gives status, note and expiry', async (t) => {
  const verified = piece({ id: 'v', status: 'verified', reviewerNote: 'fine', expiresOn: '2027-01-01' })
  const newer = piece({ id: 'n', createdAt: new Date('2025-06-01T00:00:00Z') })
  t.same(describeChecklistItem(true, [newer, verified]), { status: 'verified', note: 'fine', expiresOn: '2027-01-01' })
  t.same(describeChecklistItem(true, [piece({ noExpiry: true, status: 'rejected', reviewerNote: 'no' })]), {
    status: 'rejected',
    note: 'no',
    expiresOn: null
  })
})
