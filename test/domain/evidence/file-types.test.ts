// Download names take the extension of the type the content shows, not the uploader's.
import t from 'tap'
import { downloadName, isAllowedEvidenceMediaType } from '../../../src/domain/evidence/file-types.js'

t.test('the extension follows the detected type', async (t) => {
  t.equal(downloadName('report.html', 'application/pdf'), 'report.pdf')
  t.equal(downloadName('certificate.bat', 'application/pdf'), 'certificate.pdf')
  t.equal(downloadName('certificate.pdf', 'image/png'), 'certificate.png')
  t.equal(downloadName('scan', 'image/jpeg'), 'scan.jpg')
  t.equal(downloadName('.bashrc', 'application/pdf'), '.bashrc.pdf')
  t.equal(downloadName('archive.tar.exe', 'application/vnd.oasis.opendocument.text'), 'archive.tar.odt')
})

t.test('a name that already says what it is stays as uploaded', async (t) => {
  t.equal(downloadName('Insurance.PDF', 'application/pdf'), 'Insurance.PDF')
  t.equal(downloadName('photo.jpeg', 'image/jpeg'), 'photo.jpeg')
  t.equal(downloadName('odd', 'application/x-unknown'), 'odd', 'a type without known extensions')
})

t.test('only the evidence types are allowed, judged by what the content shows', async (t) => {
  t.ok(isAllowedEvidenceMediaType('application/pdf'))
  t.ok(isAllowedEvidenceMediaType('image/jpeg'))
  t.notOk(isAllowedEvidenceMediaType('text/html'), 'a web page is not evidence')
  t.notOk(isAllowedEvidenceMediaType('application/x-msdownload'), 'nor a program')
  t.notOk(isAllowedEvidenceMediaType(undefined), 'content with no known signature is refused')
})
