import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppError } from '../../shared/errors.ts';
import { sepaPain001 } from './sepa-pain001.ts';
import { bankLine, batchOf, paypalLine } from './test-batch.ts';

// The ISO 20022 schema, copied unchanged (see test/fixtures/payouts/README.md).
const XSD = fileURLToPath(new URL('../../../test/fixtures/payouts/sepa/pain.001.001.03.xsd', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'advocate-pain001-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** Runs xmllint (Debian: libxml2-utils) against the XSD; the test fails loudly if it is missing. */
function xsdCheck(xml: string): { valid: boolean; output: string } {
  const file = join(dir, `doc-${++files}.xml`);
  writeFileSync(file, xml);
  const r = spawnSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8' });
  if (r.error) throw new Error(`xmllint is needed for the SEPA XSD check: apt-get install -y libxml2-utils (${r.error.message})`);
  return { valid: r.status === 0, output: r.stderr };
}

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

const OPTS = { executionDate: '2025-03-03' };
const batch = batchOf('EUR', [
  bankLine('pit_1', 10050n, 'EUR', { accountHolder: 'Zoë & Łukasz <Studio>', note: 'Commissions March 2025 & "bonus"' }),
  bankLine('pit_2', 1n, 'EUR', { accountHolder: null, name: 'Иван Петров', iban: 'FR14 2004 1010 0505 0001 3M02 606', bic: null, note: '' }),
  paypalLine('pit_3', 999n, 'EUR'), // other rail: not in the file
]);

const EXPECTED = `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">
  <CstmrCdtTrfInitn>
    <GrpHdr>
      <MsgId>pay-0k3m9x2v7q1b8n4c</MsgId>
      <CreDtTm>2025-03-01T10:15:30Z</CreDtTm>
      <NbOfTxs>2</NbOfTxs>
      <CtrlSum>100.51</CtrlSum>
      <InitgPty>
        <Nm>Acme Cosmetics GmbH</Nm>
      </InitgPty>
    </GrpHdr>
    <PmtInf>
      <PmtInfId>pay-0k3m9x2v7q1b8n4c</PmtInfId>
      <PmtMtd>TRF</PmtMtd>
      <BtchBookg>true</BtchBookg>
      <NbOfTxs>2</NbOfTxs>
      <CtrlSum>100.51</CtrlSum>
      <PmtTpInf>
        <SvcLvl>
          <Cd>SEPA</Cd>
        </SvcLvl>
      </PmtTpInf>
      <ReqdExctnDt>2025-03-03</ReqdExctnDt>
      <Dbtr>
        <Nm>Acme Cosmetics GmbH</Nm>
      </Dbtr>
      <DbtrAcct>
        <Id>
          <IBAN>DE02120300000000202051</IBAN>
        </Id>
      </DbtrAcct>
      <DbtrAgt>
        <FinInstnId>
          <BIC>BYLADEM1001</BIC>
        </FinInstnId>
      </DbtrAgt>
      <ChrgBr>SLEV</ChrgBr>
      <CdtTrfTxInf>
        <PmtId>
          <EndToEndId>pit-1</EndToEndId>
        </PmtId>
        <Amt>
          <InstdAmt Ccy="EUR">100.50</InstdAmt>
        </Amt>
        <CdtrAgt>
          <FinInstnId>
            <BIC>COBADEFFXXX</BIC>
          </FinInstnId>
        </CdtrAgt>
        <Cdtr>
          <Nm>Zoe + Lukasz (Studio)</Nm>
        </Cdtr>
        <CdtrAcct>
          <Id>
            <IBAN>DE89370400440532013000</IBAN>
          </Id>
        </CdtrAcct>
        <RmtInf>
          <Ustrd>Commissions March 2025 + 'bonus'</Ustrd>
        </RmtInf>
      </CdtTrfTxInf>
      <CdtTrfTxInf>
        <PmtId>
          <EndToEndId>pit-2</EndToEndId>
        </PmtId>
        <Amt>
          <InstdAmt Ccy="EUR">0.01</InstdAmt>
        </Amt>
        <Cdtr>
          <Nm>Ivan Petrov</Nm>
        </Cdtr>
        <CdtrAcct>
          <Id>
            <IBAN>FR1420041010050500013M02606</IBAN>
          </Id>
        </CdtrAcct>
      </CdtTrfTxInf>
    </PmtInf>
  </CstmrCdtTrfInitn>
</Document>
`;

describe('sepaPain001', () => {
  it('writes the hand-checked document: group header, one payment block, one transaction per bank line', () => {
    expect(sepaPain001(batch, OPTS)).toBe(EXPECTED);
  });

  it('passes the pain.001.001.03 XSD', () => {
    expect(xsdCheck(EXPECTED)).toEqual({ valid: true, output: expect.stringContaining('validates') });
  });

  it('the XSD check is real: tampered documents fail it', () => {
    const noCount = EXPECTED.replace('      <NbOfTxs>2</NbOfTxs>\n      <CtrlSum>100.51</CtrlSum>\n      <InitgPty>', '      <CtrlSum>100.51</CtrlSum>\n      <InitgPty>');
    expect(noCount).not.toBe(EXPECTED);
    const result = xsdCheck(noCount);
    expect(result.valid).toBe(false);
    expect(result.output).toContain("Element '{urn:iso:std:iso:20022:tech:xsd:pain.001.001.03}CtrlSum': This element is not expected");
    expect(xsdCheck(EXPECTED.replace('<Nm>Zoe + Lukasz (Studio)</Nm>', `<Nm>${'x'.repeat(141)}</Nm>`)).valid).toBe(false);
    expect(xsdCheck(EXPECTED.replace('Ccy="EUR">100.50', 'Ccy="EUR">-100.50')).valid).toBe(false);
    expect(xsdCheck(EXPECTED.replace('Ccy="EUR">100.50', 'Ccy="EUR">100.505001')).valid).toBe(false);
    expect(xsdCheck(EXPECTED.replace('<BIC>COBADEFFXXX</BIC>', '<BIC>COBADEFF-XXX</BIC>')).valid).toBe(false);
  });

  it('without debtor BIC uses NOTPROVIDED, and the document stays valid', () => {
    const xml = sepaPain001(batchOf('EUR', batch.lines, { debtor: { name: 'Acme', iban: 'DE02120300000000202051', bic: null } }), OPTS);
    expect(xml).toContain('<DbtrAgt>\n        <FinInstnId>\n          <Othr>\n            <Id>NOTPROVIDED</Id>');
    expect(xsdCheck(xml).valid).toBe(true);
  });

  it('keeps names within 70 and remittance within 140 characters, in the SEPA Latin set', () => {
    const long = batchOf('EUR', [bankLine('pit_1', 100n, 'EUR', { accountHolder: 'Щ'.repeat(50), note: `${'Ünïcödé & <tags> '.repeat(20)}` })]);
    const xml = sepaPain001(long, OPTS);
    const nm = /<Cdtr>\s*<Nm>([^<]*)<\/Nm>/.exec(xml)![1]!;
    const ustrd = /<Ustrd>([^<]*)<\/Ustrd>/.exec(xml)![1]!;
    expect(nm).toBe('SHT'.repeat(23) + 'S');
    expect(ustrd.length).toBeLessThanOrEqual(140);
    expect(ustrd.startsWith('Unicode + (tags) Unicode')).toBe(true);
    expect(xsdCheck(xml).valid).toBe(true);
  });

  it('escapes the debtor and ids even when they reach the XML unchanged', () => {
    // Text nodes are all SEPA-Latin by then; escaping is a second guard for what is not.
    expect(sepaPain001(batchOf('EUR', batch.lines, { debtor: { name: 'A&B <GmbH>', iban: 'DE02120300000000202051', bic: null } }), OPTS))
      .toContain('<Nm>A+B (GmbH)</Nm>');
  });

  it('rejects non-EUR lines and batches with a clear error', () => {
    const mixed = batchOf('EUR', [bankLine('pit_1', 100n, 'EUR'), bankLine('pit_2', 100n, 'USD'), paypalLine('pit_3', 100n, 'USD')]);
    expect(thrown(() => sepaPain001(mixed, OPTS)).message).toBe(
      'Cannot export batch pay_0k3m9x2v7q1b8n4c as SEPA XML: pit_2: is in USD; SEPA credit transfers are EUR only',
    );
    const usd = batchOf('USD', [bankLine('pit_1', 100n, 'USD')]);
    expect(thrown(() => sepaPain001(usd, OPTS)).details?.problems).toEqual([
      { itemId: null, message: 'the batch is in USD; SEPA credit transfers are EUR only (the Wise export pays other currencies)' },
      { itemId: 'pit_1', message: 'is in USD; SEPA credit transfers are EUR only' },
    ]);
  });

  it('lists every bank-detail problem at once', () => {
    const bad = batchOf(
      'EUR',
      [
        bankLine('pit_1', 100n, 'EUR', { iban: null }),
        bankLine('pit_2', 100n, 'EUR', { iban: 'GB82 WEST 1234 5698 7654 33', bic: 'WEST' }),
        bankLine('pit_3', 100n, 'EUR', { accountHolder: '山田太郎' }),
        bankLine('pit_4', 100_000_000_000n, 'EUR'),
        bankLine(`pit_${'x'.repeat(40)}`, 100n, 'EUR'),
      ],
      { debtor: null },
    );
    expect(thrown(() => sepaPain001(bad, { executionDate: '3 March' })).details?.problems).toEqual([
      { itemId: null, message: "the brand's bank account (debtor name and IBAN) is not set; SEPA files are sent from it" },
      { itemId: null, message: 'execution date "3 March" is not a YYYY-MM-DD date' },
      { itemId: 'pit_1', message: 'has no IBAN' },
      { itemId: 'pit_2', message: 'IBAN checksum does not match: check for a mistyped or swapped character' },
      { itemId: 'pit_2', message: 'BIC has 8 or 11 characters; this one has 4' },
      { itemId: 'pit_3', message: 'has no account holder name in Latin characters; store one with the bank details' },
      { itemId: 'pit_4', message: 'is above the SEPA maximum of 999999999.99 EUR' },
      { itemId: `pit_${'x'.repeat(40)}`, message: `id "pit_${'x'.repeat(40)}" cannot be a SEPA reference (1–35 letters, digits and - / ? : ( ) . , ' +)` },
    ]);
  });

  it('refuses a batch with no bank lines (the XSD needs at least one transaction)', () => {
    expect(thrown(() => sepaPain001(batchOf('EUR', [paypalLine('pit_1', 1n, 'EUR')]), OPTS)).message).toContain('the batch has no bank lines (1 lines in all)');
  });

  it('defaults the execution date to today in UTC', () => {
    expect(sepaPain001(batch, { now: new Date('2025-04-30T23:59:59Z') })).toContain('<ReqdExctnDt>2025-04-30</ReqdExctnDt>');
    expect(sepaPain001(batch, { batchBooking: false, ...OPTS })).toContain('<BtchBookg>false</BtchBookg>');
    for (const bad of ['2025-02-30', '2025-13-01', '2025-3-3']) {
      expect(thrown(() => sepaPain001(batch, { executionDate: bad })).message, bad).toContain(`execution date "${bad}" is not a YYYY-MM-DD date`);
    }
  });

  it('any batch of valid lines, with any names and notes, yields an XSD-valid document whose sums add up', () => {
    const ibans = ['DE89370400440532013000', 'FR1420041010050500013M02606', 'NL91ABNA0417164300', 'AT611904300234573201', 'GR1601101250000000012300695'];
    const line = fc.record({
      amount: fc.bigInt({ min: 1n, max: 99_999_999_999n }),
      name: fc.string({ unit: 'grapheme', minLength: 0, maxLength: 90 }),
      note: fc.string({ unit: 'grapheme', maxLength: 200 }),
      iban: fc.constantFrom(...ibans),
      bic: fc.constantFrom(null, 'COBADEFFXXX', 'BNPAFRPP'),
    });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (specs) => {
        const lines = specs.map((s, i) => bankLine(`pit_${i}`, s.amount, 'EUR', { accountHolder: `Ana ${s.name}`, note: s.note, iban: s.iban, bic: s.bic }));
        const xml = sepaPain001(batchOf('EUR', lines), OPTS);
        const check = xsdCheck(xml);
        expect(check.output).toContain('validates');
        const sum = specs.reduce((t, s) => t + s.amount, 0n);
        expect(xml).toContain(`<CtrlSum>${sum / 100n}.${String(sum % 100n).padStart(2, '0')}</CtrlSum>`);
        expect(xml.match(/<CdtTrfTxInf>/g)).toHaveLength(specs.length);
      }),
      { numRuns: 40 },
    );
  });
});
