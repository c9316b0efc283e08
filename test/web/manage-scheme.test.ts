// The scheme pages (README: For co-ordinators, Scheme): the versions and a version's contents, a draft from the
// version in force, its forms (problems on their fields with the input kept and nothing written, someone else's
// save shown beside yours), removing an item, the diff in words, publishing after a confirmation, the what-if of a
// real assessment, and who may do each (a reviewer as the API allows, a provider's person never).
import t from 'tap'
import { and, eq } from 'drizzle-orm'
import { auditEvents, schemeVersions } from '../../src/db/schema/index.js'
import { buildTestApp } from '../helpers/app.js'
import { insertEvidence } from '../helpers/awards.js'
import { insertAssessment, signedInStaff } from '../helpers/manage.js'
import { csrfOf } from '../helpers/sign-in.js'

const h = await buildTestApp(t)
const [north] = h.councils
const provider = await h.addProvider(north, { name: 'Bright Days' })
const assessment = await insertAssessment(h, north, provider.id, 'under_review')
await insertEvidence(h.db.db, {
  councilId: north.id, providerId: provider.id, assessmentId: assessment, itemCode: 'SIZE_DECL', issuedOn: '2026-01-05'
})
const co = await signedInStaff(h, north.coordinator, 'co@northshire.example')
const reviewer = await signedInStaff(h, north.reviewer, 'rev@northshire.example')

const draftRow = async () =>
  (await h.db.db.select().from(schemeVersions)
    .where(and(eq(schemeVersions.councilId, north.id), eq(schemeVersions.status, 'draft'))))[0]
let draftId = ''
const versionOf = (body: string) => /name="version" value="(\d+)"/.exec(body)?.[1] ?? ''

/** The item form as the page fills it in for INS_PI, with `over` typed on top. */
const itemFields = (page: string, over: Record<string, string | string[]>) => {
  const form: Record<string, string> = { _csrf: csrfOf(page), version: versionOf(page) }
  const base: Record<string, string> = {
    code: 'INS_PI',
    title: 'Professional indemnity',
    guidance: 'Your certificate',
    category: 'insurance',
    tier: 'S',
    weight: '1',
    validityMonths: '12',
    waiver: '',
    limiter: 'no'
  }
  return new URLSearchParams({
    ...form,
    ...base,
    ...Object.fromEntries(
      Object.entries(over).filter((e): e is [string, string] => typeof e[1] === 'string'))
  })
}
const postForm = async (url: string, params: URLSearchParams, extra: Array<[string, string]> = []) => {
  for (const [k, v] of extra) params.append(k, v)
  const res = await h.app.inject({
    method: 'POST',
    url,
    headers: { ...co.jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    payload: params.toString()
  })
  co.jar.take(res.headers['set-cookie'])
  return res
}

t.test('the versions: version 1 in force, in the navigation, a draft made from it', async (t) => {
  const list = await co.get('/manage/scheme')
  t.equal(list.statusCode, 200)
  t.match(list.body, /href="\/manage\/scheme" aria-current="true"/, 'Scheme is the section shown')
  t.match(list.body, /Version 1: [^<]+<\/a>/)
  t.match(list.body, /govuk-tag--green">In force/)
  const made = await co.post('/manage/scheme/drafts', { _csrf: csrfOf(list.body) })
  t.equal(made.statusCode, 303)
  draftId = (await draftRow())?.id ?? ''
  t.equal(made.headers.location, `/manage/scheme/${draftId}?done=created`)
  const again = await co.get('/manage/scheme')
  t.match(again.body, /govuk-tag--blue">Draft/)
  t.match(again.body, /Go to draft version 2/)
  t.notMatch(again.body, /Make a draft from/, 'one draft at a time')
  const audit = await h.db.db.select().from(auditEvents).where(eq(auditEvents.entityId, draftId))
  t.same(audit.map((a) => a.action), ['create_draft'])
})

t.test('a version’s page: items by category in words, thresholds, timings and questions', async (t) => {
  const page = await co.get(`/manage/scheme/${draftId}?done=created`)
  t.equal(page.statusCode, 200)
  t.match(page.body, /The draft is made/)
  t.match(page.body, /<caption[^>]*>Insurance<\/caption>/)
  t.match(page.body, /Registration with the Care Quality Commission[^<]*\(CQC_REG\): a limiter[\s\S]*?Providers with personal care/)
  t.match(page.body, /Public liability[\s\S]*?Every provider[\s\S]*?Bronze: needed for bronze/)
  t.match(page.body, /12 months from its issue date|months from its issue date/)
  t.match(page.body, /Levels and thresholds[\s\S]*Q at least 85, gain G above 0/)
  t.match(page.body, /An award is valid for \(months\)/)
  t.match(page.body, /Feedback questions[\s\S]*SAFE \(scored\)/)
  t.match(page.body, new RegExp(`href="/manage/scheme/${draftId}/items/INS_PI">Change`))
  const v1 = (await co.get('/manage/scheme')).body.match(/href="\/manage\/scheme\/([0-9a-f-]{36})">Version 1/)?.[1]
  const published = await co.get(`/manage/scheme/${v1 ?? ''}`)
  t.equal(published.statusCode, 200)
  t.notMatch(published.body, /items\/INS_PI">Change/, 'a published version has no change links')
  t.notMatch(published.body, /Publish this draft/)
  t.equal((await co.get(`/manage/scheme/${v1 ?? ''}/items/INS_PI`)).statusCode, 409, 'published: cannot change')
})

t.test('an item with problems: on their fields, the input kept, nothing written', async (t) => {
  const before = await draftRow()
  const form = await co.get(`/manage/scheme/${draftId}/items/INS_PI`)
  t.equal(form.statusCode, 200)
  t.match(form.body, /name="tier" type="radio" value="S" checked/)
  const notNumber = await postForm(`/manage/scheme/${draftId}/items/INS_PI`,
    itemFields(form.body, { weight: 'lots', title: 'Kept title' }), [['evidenceKinds', 'document']])
  t.equal(notNumber.statusCode, 400)
  t.match(notNumber.body, /There is a problem/)
  t.match(notNumber.body, /href="#weight">Enter the weight as a number/)
  t.match(notNumber.body, /value="Kept title"/, 'the input is kept')
  const invalid = await postForm(`/manage/scheme/${draftId}/items/INS_PI`,
    itemFields(form.body, { weight: '500', code: 'ins pi' }), [['evidenceKinds', 'document']])
  t.equal(invalid.statusCode, 400)
  t.match(invalid.body, /href="#weight">Weight must be 100 or less/, 'the domain’s range check on the weight field')
  t.match(invalid.body, /href="#code">Code must be capital letters, digits and underscores/)
  t.match(invalid.body, /value="ins pi"/)
  const noEvidence = await postForm(`/manage/scheme/${draftId}/items/INS_PI`, itemFields(form.body, {}))
  t.equal(noEvidence.statusCode, 400)
  t.match(noEvidence.body, /href="#evidenceKinds">Evidence accepted needs at least one ticked/)
  const added = await co.get(`/manage/scheme/${draftId}/items/new`)
  const twice = await postForm(`/manage/scheme/${draftId}/items/new`,
    itemFields(added.body, { code: 'INS_PL' }), [['evidenceKinds', 'document']])
  t.equal(twice.statusCode, 400)
  t.match(twice.body, /href="#code">Code: duplicate item code INS_PL/, 'a rule across items, on the code')
  const after = await draftRow()
  t.same(after?.document, before?.document, 'nothing written')
  t.equal(after?.version, before?.version)
  t.equal((await co.get(`/manage/scheme/${draftId}/items/NOT_THERE`)).statusCode, 404)
  t.equal((await co.get(`/manage/scheme/${draftId}/questions/NOT_THERE`)).statusCode, 404)
})

t.test('an item changed and one added: saved, audited, in the diff in words', async (t) => {
  const form = await co.get(`/manage/scheme/${draftId}/items/INS_PI`)
  const saved = await postForm(`/manage/scheme/${draftId}/items/INS_PI`,
    itemFields(form.body, { tier: 'B', weight: '2' }), [['evidenceKinds', 'document'], ['anyOf', 'transport']])
  t.equal(saved.statusCode, 303)
  t.equal(saved.headers.location, `/manage/scheme/${draftId}?done=saved`)
  const added = await co.get(`/manage/scheme/${draftId}/items/new`)
  const made = await postForm(`/manage/scheme/${draftId}/items/new`, itemFields(added.body, {
    code: 'INS_CYBER', title: 'Cyber insurance', tier: 'G', validityMonths: ''
  }), [['evidenceKinds', 'declaration']])
  t.equal(made.statusCode, 303)
  const item = (await draftRow())?.document.checklist.find((i) => i.code === 'INS_CYBER')
  t.same(item?.validityMonths, null, 'empty months: the evidence does not expire')
  t.same(item?.evidenceKinds, ['declaration'])
  const audit = await h.db.db.select().from(auditEvents)
    .where(and(eq(auditEvents.entityId, draftId), eq(auditEvents.action, 'edit_draft')))
  t.equal(audit.length, 2, 'each save audited by the API’s use case')

  const diff = await co.get(`/manage/scheme/${draftId}/diff`)
  t.equal(diff.statusCode, 200)
  t.match(diff.body, /What changed from version 1 to version 2/)
  t.match(diff.body, /Added: Cyber insurance \(INS_CYBER\)/)
  t.match(diff.body, /Professional indemnity[^<]*\(INS_PI\): Tier<\/td>\s*<td[^>]*>Silver: needed for silver<\/td>\s*<td[^>]*>Bronze: needed for bronze/)
  t.match(diff.body, /\(INS_PI\): Applies when the provider has one of<\/td>\s*<td[^>]*>None<\/td>\s*<td[^>]*>Transport/)
  t.match(diff.body, /\(INS_PI\): Weight<\/td>\s*<td[^>]*>1<\/td>\s*<td[^>]*>2</)
})

t.test('someone else saved first: both versions shown, the input kept, nothing overwritten', async (t) => {
  const mine = await co.get(`/manage/scheme/${draftId}/items/INS_PI`)
  const theirs = await reviewer.get(`/manage/scheme/${draftId}/items/INS_PI`)
  const theirForm = itemFields(theirs.body, { tier: 'B', weight: '3', title: 'Their title' })
  theirForm.set('evidenceKinds', 'document')
  theirForm.set('anyOf', 'transport')
  const theirSave = await reviewer.post(`/manage/scheme/${draftId}/items/INS_PI`, Object.fromEntries(theirForm))
  t.equal(theirSave.statusCode, 303, 'a reviewer may edit the draft, as the API allows')
  const before = await draftRow()
  const stale = await postForm(`/manage/scheme/${draftId}/items/INS_PI`,
    itemFields(mine.body, { tier: 'B', weight: '2', title: 'My title' }), [['evidenceKinds', 'document']])
  t.equal(stale.statusCode, 409)
  t.match(stale.body, /Someone else changed this draft/)
  t.match(stale.body, /<th scope="row" class="govuk-table__header">Title<\/th>\s*<td[^>]*>My title<\/td>\s*<td[^>]*>Their title/)
  t.match(stale.body, /value="My title"/, 'your input is kept')
  t.equal(versionOf(stale.body), String(before?.version), 'the form now holds the saved version')
  const after = await draftRow()
  t.same(after?.document, before?.document, 'theirs is not overwritten')
})

t.test('thresholds and a question’s wording; a problem on its field', async (t) => {
  const form = await co.get(`/manage/scheme/${draftId}/thresholds`)
  t.equal(form.statusCode, 200)
  t.match(form.body, /id="goldWeightShare" name="goldWeightShare" type="text" value="80"/)
  t.match(form.body, /value="SAFE 2, DIGNITY 2"/)
  const fields = Object.fromEntries([...form.body.matchAll(/name="([\w-]+)" type="text" value="([^"]*)"/g)]
    .map((m) => [m[1] ?? '', m[2] ?? '']))
  const bad = await co.post(`/manage/scheme/${draftId}/thresholds`,
    {
      ...fields,
      _csrf: csrfOf(form.body),
      version: versionOf(form.body),
      'gold-qMin': '150',
      awardValidityMonths: 'a year'
    })
  t.equal(bad.statusCode, 400)
  t.match(bad.body, /href="#awardValidityMonths">Enter the value as a whole number|href="#awardValidityMonths">Enter the value as a number/)
  t.match(bad.body, /value="a year"/)
  const range = await co.post(`/manage/scheme/${draftId}/thresholds`,
    { ...fields, _csrf: csrfOf(form.body), version: versionOf(form.body), 'gold-qMin': '150' })
  t.equal(range.statusCode, 400)
  t.match(range.body, /href="#gold-qMin">Gold: feedback quality Q at least \(0 to 100\) must be 100 or less/)
  const ok = await co.post(`/manage/scheme/${draftId}/thresholds`,
    { ...fields, _csrf: csrfOf(form.body), version: versionOf(form.body), 'gold-qMin': '90', goldWeightShare: '75' })
  t.equal(ok.statusCode, 303)
  const doc = (await draftRow())?.document
  t.equal(doc?.thresholds.feedback.gold.qMin, 90)
  t.equal(doc?.thresholds.compliance.goldWeightShare, 0.75)

  const q = await co.get(`/manage/scheme/${draftId}/questions/SAFE`)
  const empty = await co.post(`/manage/scheme/${draftId}/questions/SAFE`,
    { _csrf: csrfOf(q.body), version: versionOf(q.body), plain: '', easyRead: 'Safe?' })
  t.equal(empty.statusCode, 400)
  t.match(empty.body, /href="#plain">The question, in plain English must not be empty/)
  const worded = await co.post(`/manage/scheme/${draftId}/questions/SAFE`,
    { _csrf: csrfOf(q.body), version: versionOf(q.body), plain: 'Do you feel safe with them?', easyRead: 'Safe?' })
  t.equal(worded.statusCode, 303)
  const diff = await co.get(`/manage/scheme/${draftId}/diff`)
  t.match(diff.body, /Gold: Q at least<\/td>\s*<td[^>]*>85<\/td>\s*<td[^>]*>90/)
  t.match(diff.body, /SAFE: Wording<\/td>\s*<td[^>]*>[^<]+<\/td>\s*<td[^>]*>Do you feel safe with them\?/)
})

t.test('removing an item: a confirmation, then gone', async (t) => {
  const confirm = await co.get(`/manage/scheme/${draftId}/items/INS_CYBER/remove`)
  t.equal(confirm.statusCode, 200)
  t.match(confirm.body, /Remove INS_CYBER from the draft\?/)
  const done = await co.post(`/manage/scheme/${draftId}/items/INS_CYBER/remove`,
    { _csrf: csrfOf(confirm.body), version: versionOf(confirm.body) })
  t.equal(done.statusCode, 303)
  t.notOk((await draftRow())?.document.checklist.some((i) => i.code === 'INS_CYBER'))
})

t.test('a category renamed and a scale reworded: problems on their fields, saved, in the diff', async (t) => {
  const page = await co.get(`/manage/scheme/${draftId}`)
  t.match(page.body, new RegExp(`href="/manage/scheme/${draftId}/categories/insurance"`), 'a category can be renamed')
  t.match(page.body, new RegExp(`href="/manage/scheme/${draftId}/scales/SAFETY"`), 'a scale can be reworded')
  t.match(page.body, /Answer scales/)

  const cat = await co.get(`/manage/scheme/${draftId}/categories/insurance`)
  t.equal(cat.statusCode, 200)
  t.match(cat.body, /value="Insurance"/, 'the name as it is')
  const blank = await co.post(`/manage/scheme/${draftId}/categories/insurance`,
    { _csrf: csrfOf(cat.body), version: versionOf(cat.body), title: ' ' })
  t.equal(blank.statusCode, 400)
  t.match(blank.body, /href="#title">The category’s name must not be empty/)
  const named = await co.post(`/manage/scheme/${draftId}/categories/insurance`,
    { _csrf: csrfOf(cat.body), version: versionOf(cat.body), title: 'Insurance and cover' })
  t.equal(named.statusCode, 303)
  const doc = (await draftRow())?.document
  t.equal(doc?.categories.find((c) => c.code === 'insurance')?.title, 'Insurance and cover')

  const scale = await co.get(`/manage/scheme/${draftId}/scales/SAFETY`)
  t.equal(scale.statusCode, 200)
  t.match(scale.body, /Answer 1, scoring 3, in plain English/)
  t.match(scale.body, /value="As safe as I want"/)
  const fields = (over: Record<string, string>) => ({
    _csrf: csrfOf(scale.body),
    version: versionOf(scale.body),
    ...Object.fromEntries((doc?.instrument.scales.find((x) => x.code === 'SAFETY')?.answers ?? [])
      .flatMap((a, n) => [[`a${n}-plain`, a.wording.plain], [`a${n}-easyRead`, a.wording.easyRead]])),
    ...over
  })
  const empty = await co.post(`/manage/scheme/${draftId}/scales/SAFETY`, fields({ 'a1-easyRead': '' }))
  t.equal(empty.statusCode, 400)
  t.match(empty.body, /href="#a1-easyRead">Answer 2, scoring 2, in easy read must not be empty/)
  t.match(empty.body, /value="Safe enough"/, 'the rest of the input kept')
  const worded = await co.post(`/manage/scheme/${draftId}/scales/SAFETY`, fields({ 'a0-plain': 'As safe as I like' }))
  t.equal(worded.statusCode, 303)
  const answers = (await draftRow())?.document.instrument.scales.find((x) => x.code === 'SAFETY')?.answers
  t.equal(answers?.[0]?.wording.plain, 'As safe as I like')
  t.equal(answers?.[0]?.value, 'as_safe_as_i_want', 'the value responses hold is kept')
  t.equal(answers?.[0]?.score, 3, 'and its score')

  const diff = await co.get(`/manage/scheme/${draftId}/diff`)
  t.match(diff.body, /Insurance and cover \(insurance\): Title<\/td>\s*<td[^>]*>Insurance<\/td>\s*<td[^>]*>Insurance and cover/)
  t.match(diff.body,
    /SAFETY: answer 1, wording<\/td>\s*<td[^>]*>As safe as I want \(as_safe_as_i_want, 3\)<\/td>\s*<td[^>]*>As safe as I like/)
  t.notMatch(diff.body, /SAFETY: answer 2/, 'only the answer reworded')
  t.equal((await co.get(`/manage/scheme/${draftId}/categories/not_there`)).statusCode, 404)
  t.equal((await co.get(`/manage/scheme/${draftId}/scales/NOT_THERE`)).statusCode, 404)
})

t.test('an item in a new category, then its removal taking the category with it', async (t) => {
  const url = `/manage/scheme/${draftId}/items/new`
  const form = await co.get(url)
  t.match(form.body, /value="NEW"[^>]*>\s*<label[^>]*>\s*A new category/, 'a new category is one of the choices')
  const fields = (over: Record<string, string>) => itemFields(form.body, {
    code: 'DIG_CYBER', title: 'Cyber safety', category: 'NEW', validityMonths: '', ...over
  })
  const nameless = await postForm(url, fields({ newCategoryCode: 'digital', newCategoryTitle: '' }),
    [['evidenceKinds', 'declaration']])
  t.equal(nameless.statusCode, 400)
  t.match(nameless.body, /href="#newCategoryTitle">Enter the new category’s name/)
  t.match(nameless.body, /value="digital"/, 'the code typed is kept')
  const badCode = await postForm(url, fields({ newCategoryCode: 'Digital Safety', newCategoryTitle: 'Digital' }),
    [['evidenceKinds', 'declaration']])
  t.equal(badCode.statusCode, 400)
  t.match(badCode.body, /href="#newCategoryCode">/, 'the domain\'s problem with the code is on its field')
  const taken = await postForm(url, fields({ newCategoryCode: 'insurance', newCategoryTitle: 'More insurance' }),
    [['evidenceKinds', 'declaration']])
  t.equal(taken.statusCode, 400, 'a code already used is refused')
  t.notOk((await draftRow())?.document.checklist.some((i) => i.code === 'DIG_CYBER'), 'nothing written')
  const made = await postForm(url, fields({ newCategoryCode: 'digital', newCategoryTitle: 'Digital safety' }),
    [['evidenceKinds', 'declaration']])
  t.equal(made.statusCode, 303)
  const doc = (await draftRow())?.document
  t.same(doc?.categories.at(-1), { code: 'digital', title: 'Digital safety' })
  t.equal(doc?.checklist.find((i) => i.code === 'DIG_CYBER')?.category, 'digital')

  const confirm = await co.get(`/manage/scheme/${draftId}/items/DIG_CYBER/remove`)
  t.match(confirm.body, /It is the last item of Digital safety: the category is removed with it\./)
  const done = await co.post(`/manage/scheme/${draftId}/items/DIG_CYBER/remove`,
    { _csrf: csrfOf(confirm.body), version: versionOf(confirm.body) })
  t.equal(done.statusCode, 303)
  const after = (await draftRow())?.document
  t.notOk(after?.categories.some((c) => c.code === 'digital'), 'the category went with its last item')
  t.notOk(after?.checklist.some((i) => i.code === 'DIG_CYBER'))
})

t.test('what-if: a real assessment scored under the draft and the version in force, nothing saved', async (t) => {
  const before = await h.db.db.select().from(auditEvents)
  const pick = await co.get(`/manage/scheme/${draftId}/what-if`)
  t.equal(pick.statusCode, 200)
  t.match(pick.body, new RegExp(`<option value="${assessment}">Bright Days: initial assessment, under review`))
  const none = await co.get(`/manage/scheme/${draftId}/what-if?assessment=`)
  t.equal(none.statusCode, 400)
  t.match(none.body, /Select an assessment/)
  const page = await co.get(`/manage/scheme/${draftId}/what-if?assessment=${assessment}`)
  t.equal(page.statusCode, 200)
  t.match(page.body, /In force: version 1<\/th>\s*<th[^>]*>Version 2/)
  // SIZE_DECL is verified; INS_PI weighs 3 in the draft, so the share met differs.
  const shares = [...page.body.matchAll(/\((\d+(?:\.\d+)?)% of the applicable weight met\)/g)].map((m) => m[1])
  t.equal(shares.length, 2)
  t.not(shares[0], shares[1], 'the checklist share differs under the draft')
  t.match(page.body, /What stands in the way[\s\S]*Bronze<\/td>\s*<td[^>]*>[^<]*no counted responses/)
  t.equal((await h.db.db.select().from(auditEvents)).length, before.length, 'nothing saved')
})

t.test('publish: a confirmation with the changes and the date, then in force', async (t) => {
  const confirm = await co.get(`/manage/scheme/${draftId}/publish`)
  t.equal(confirm.statusCode, 200)
  t.match(confirm.body, /Publish version 2\?/)
  t.match(confirm.body, /From today, 2 March 2026, new assessments use version 2 instead of version 1/)
  t.match(confirm.body, /\(INS_PI\): Tier/)
  const stale = await co.post(`/manage/scheme/${draftId}/publish`, { _csrf: csrfOf(confirm.body), version: '1' })
  t.equal(stale.statusCode, 409, 'a stale confirmation is refused')
  t.equal((await draftRow())?.id, draftId, 'still a draft')
  const done = await co.post(`/manage/scheme/${draftId}/publish`,
    { _csrf: csrfOf(confirm.body), version: versionOf(confirm.body) })
  t.equal(done.statusCode, 303)
  t.equal(done.headers.location, `/manage/scheme/${draftId}?done=published`)
  const page = await co.get(`/manage/scheme/${draftId}?done=published`)
  t.match(page.body, /new assessments use it from today/)
  t.match(page.body, /govuk-tag--green">In force/)
  const audit = await h.db.db.select().from(auditEvents)
    .where(and(eq(auditEvents.entityId, draftId), eq(auditEvents.action, 'publish')))
  t.equal(audit.length, 1)
  t.equal((await co.get(`/manage/scheme/${draftId}/publish`)).statusCode, 409, 'published already')
})

t.test('a draft discarded after a confirmation; the version in force stays', async (t) => {
  const list = await co.get('/manage/scheme')
  t.equal((await co.post('/manage/scheme/drafts', { _csrf: csrfOf(list.body) })).statusCode, 303)
  const made = await draftRow()
  const confirm = await co.get(`/manage/scheme/${made?.id ?? ''}/discard`)
  t.equal(confirm.statusCode, 200)
  t.match(confirm.body, /Discard draft version 3\?/)
  const done = await co.post(`/manage/scheme/${made?.id ?? ''}/discard`,
    { _csrf: csrfOf(confirm.body), version: versionOf(confirm.body) })
  t.equal(done.statusCode, 303)
  t.equal(done.headers.location, '/manage/scheme?done=discarded')
  t.equal(await draftRow(), undefined)
  const after = await co.get('/manage/scheme?done=discarded')
  t.match(after.body, /The draft is discarded/)
  t.match(after.body, /Version 2: [^<]+<\/a>\s*<\/td>\s*<td[^>]*><strong class="govuk-tag govuk-tag--green">In force/)
  t.equal((await co.get(`/manage/scheme/${draftId}/discard`)).statusCode, 409, 'a published version is not discarded')
})

t.test('without CSRF nothing is made; a provider’s person gets 403; another council’s version is not found',
  async (t) => {
    const noToken = await co.post('/manage/scheme/drafts', {})
    t.equal(noToken.statusCode, 403)
    t.equal(await draftRow(), undefined, 'no draft made')
    const person = await signedInStaff(h, { id: provider.userId }, 'own@bright.example')
    t.equal((await person.get('/manage/scheme')).statusCode, 403)
    t.equal((await person.get(`/manage/scheme/${draftId}`)).statusCode, 403)
    const south = await signedInStaff(h, h.councils[1].coordinator, 'co@southshire.example')
    t.equal((await south.get(`/manage/scheme/${draftId}`)).statusCode, 404)
  })
