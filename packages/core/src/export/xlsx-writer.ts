import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { columnLetter } from '../import/columns.js';

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '</Types>';
const ROOT_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
  '</Relationships>';
const WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
  '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
  '</Relationships>';
const STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
  '</styleSheet>';

/**
 * Streams a one-sheet XLSX workbook (fflate zip, minimal SpreadsheetML). Every cell is
 * an inline string: spreadsheet programs show it as text and never run it as a formula,
 * and a phone such as +27821234567 keeps its `+` and every digit.
 */
export class XlsxSheetWriter {
  private readonly output: Uint8Array[] = [];
  private readonly zip: Zip;
  private readonly sheet: ZipDeflate;
  private rowIndex = 0;
  private failure: Error | null = null;

  constructor(sheetName: string) {
    this.zip = new Zip((error, chunk) => {
      if (error) this.failure = error;
      else this.output.push(chunk);
    });
    this.addFile('[Content_Types].xml', CONTENT_TYPES);
    this.addFile('_rels/.rels', ROOT_RELS);
    this.addFile(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<sheets><sheet name="${xmlText(sheetName.slice(0, 31))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    );
    this.addFile('xl/_rels/workbook.xml.rels', WORKBOOK_RELS);
    this.addFile('xl/styles.xml', STYLES);
    this.sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level: 6 });
    this.zip.add(this.sheet);
    this.sheet.push(
      strToU8(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
          '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
      ),
    );
  }

  /** Appends rows; `bold` styles them (the header row). */
  addRows(rows: readonly (readonly string[])[], bold = false): void {
    let xml = '';
    for (const cells of rows) {
      this.rowIndex++;
      xml += `<row r="${this.rowIndex}">`;
      cells.forEach((value, c) => {
        const ref = `${columnLetter(c)}${this.rowIndex}`;
        xml += `<c r="${ref}" t="inlineStr"${bold ? ' s="1"' : ''}><is><t xml:space="preserve">${xmlText(value)}</t></is></c>`;
      });
      xml += '</row>';
    }
    this.sheet.push(strToU8(xml));
  }

  /** Finishes the workbook. */
  end(): void {
    this.sheet.push(strToU8('</sheetData></worksheet>'), true);
    this.zip.end();
  }

  /** Bytes produced since the last call. */
  take(): Uint8Array[] {
    if (this.failure) throw this.failure;
    return this.output.splice(0, this.output.length);
  }

  private addFile(name: string, content: string): void {
    const file = new ZipDeflate(name, { level: 6 });
    this.zip.add(file);
    file.push(strToU8(content), true);
  }
}

/** XML text: escaped, CR kept, and without the control characters XML 1.0 forbids. */
function xmlText(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- removing exactly these characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // XML parsers turn a raw CR into LF; a character reference keeps it.
      .replace(/\r/g, '&#13;')
  );
}
