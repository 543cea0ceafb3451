import { toDecimalString } from '../../shared/money.ts';
import { validateBic } from '../details/validate-bic.ts';
import { validateIban } from '../details/validate-iban.ts';
import { escapeXml } from './escape-xml.ts';
import { payoutExportError } from './export-error.ts';
import { selectLines } from './select-lines.ts';
import { toSepaText } from './to-sepa-text.ts';
import type { LineProblem, PayoutBatch } from './types.ts';

export type SepaPain001Options = {
  /** ReqdExctnDt, YYYY-MM-DD; defaults to today's UTC date (taken from `now`). */
  executionDate?: string;
  /** Clock for the default execution date, so tests are deterministic. */
  now?: Date;
  /** BtchBookg: true books one debit for the whole batch on the brand's statement. */
  batchBooking?: boolean;
};

/** XML element: name, text or children, attributes. */
type El = [name: string, content: string | El[], attrs?: Record<string, string>];

const FORMAT = 'SEPA XML';
// EPC limit for one SEPA credit transfer: 999,999,999.99 EUR.
const MAX_CENTS = 99_999_999_999n;

/**
 * ISO 20022 pain.001.001.03 customer credit transfer initiation for the batch's bank lines,
 * following the EPC SEPA Credit Transfer rules: one PmtInf (PmtMtd TRF, service level SEPA,
 * charges SLEV) debiting the brand, one CdtTrfTxInf per line with EndToEndId = the item id.
 * MsgId and PmtInfId are the batch id, so banks that check for duplicate message ids refuse
 * a second upload of the same batch.
 * Text is reduced to the SEPA Latin character set and the schema's lengths (names 70,
 * remittance 140); identifiers swap "_" for "-" because "_" is outside that set
 * ("pit_abc" → "pit-abc"; our ids have no "-" of their own, so the mapping is reversible).
 * Throws a VALIDATION AppError listing every problem: non-EUR lines, missing or invalid
 * IBAN/BIC, no debtor account, a name with no Latin spelling.
 * @example sepaPain001(batch, { executionDate: '2025-03-03' })
 * // '<?xml version="1.0" encoding="UTF-8"?>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03">…'
 */
export function sepaPain001(batch: PayoutBatch, options: SepaPain001Options = {}): string {
  const problems: LineProblem[] = [];
  const nonEur = batch.lines.filter((l) => l.method === 'bank' && l.currency !== 'EUR');
  if (batch.currency !== 'EUR' || nonEur.length > 0) {
    throw payoutExportError(batch.id, FORMAT, [
      ...(batch.currency === 'EUR' ? [] : [{ itemId: null, message: `the batch is in ${batch.currency}; SEPA credit transfers are EUR only (the Wise export pays other currencies)` }]),
      ...nonEur.map((l) => ({ itemId: l.itemId, message: `is in ${l.currency}; SEPA credit transfers are EUR only` })),
    ]);
  }
  const lines = selectLines(batch, 'bank', FORMAT, Number.MAX_SAFE_INTEGER, problems);
  const batchId = sepaId(batch.id, null, problems);
  const debtor = debtorElements(batch, problems);
  const executionDate = options.executionDate ?? (options.now ?? new Date()).toISOString().slice(0, 10);
  if (!isIsoDate(executionDate)) {
    problems.push({ itemId: null, message: `execution date "${executionDate}" is not a YYYY-MM-DD date` });
  }

  let total = 0n;
  const transactions: El[] = lines.map((line) => {
    total += line.amount;
    if (line.amount > MAX_CENTS) problems.push({ itemId: line.itemId, message: 'is above the SEPA maximum of 999999999.99 EUR' });
    const iban = validateIban(line.iban ?? '');
    if (line.iban === null) problems.push({ itemId: line.itemId, message: 'has no IBAN' });
    else if (!iban.ok) problems.push({ itemId: line.itemId, message: iban.message });
    const bic = line.bic === null || line.bic.trim() === '' ? null : validateBic(line.bic);
    if (bic !== null && !bic.ok) problems.push({ itemId: line.itemId, message: bic.message });
    const name = toSepaText(line.accountHolder ?? line.name, 70);
    if (name === '') problems.push({ itemId: line.itemId, message: 'has no account holder name in Latin characters; store one with the bank details' });
    const remittance = toSepaText(line.note, 140);
    return [
      'CdtTrfTxInf',
      [
        ['PmtId', [['EndToEndId', sepaId(line.itemId, line.itemId, problems)]]],
        ['Amt', [['InstdAmt', toDecimalString({ amount: line.amount, currency: 'EUR' }), { Ccy: 'EUR' }]]],
        ...(bic?.ok ? [['CdtrAgt', [['FinInstnId', [['BIC', bic.bic]]]]] as El] : []),
        ['Cdtr', [['Nm', name]]],
        ['CdtrAcct', [['Id', [['IBAN', iban.ok ? iban.iban : '']]]]],
        ...(remittance === '' ? [] : [['RmtInf', [['Ustrd', remittance]]] as El]),
      ],
    ];
  });
  if (problems.length > 0) throw payoutExportError(batch.id, FORMAT, problems);

  const count = String(lines.length);
  const sum = toDecimalString({ amount: total, currency: 'EUR' });
  const document: El = [
    'Document',
    [
      [
        'CstmrCdtTrfInitn',
        [
          [
            'GrpHdr',
            [
              ['MsgId', batchId],
              // Seconds precision in UTC: the form every bank's parser accepts.
              ['CreDtTm', batch.createdAt.toISOString().slice(0, 19) + 'Z'],
              ['NbOfTxs', count],
              ['CtrlSum', sum],
              ['InitgPty', [debtor.name]],
            ],
          ],
          [
            'PmtInf',
            [
              ['PmtInfId', batchId],
              ['PmtMtd', 'TRF'],
              ['BtchBookg', String(options.batchBooking ?? true)],
              ['NbOfTxs', count],
              ['CtrlSum', sum],
              ['PmtTpInf', [['SvcLvl', [['Cd', 'SEPA']]]]],
              ['ReqdExctnDt', executionDate],
              ['Dbtr', [debtor.name]],
              ['DbtrAcct', [['Id', [['IBAN', debtor.iban]]]]],
              ['DbtrAgt', [['FinInstnId', [debtor.agent]]]],
              ['ChrgBr', 'SLEV'],
              ...transactions,
            ],
          ],
        ],
      ],
    ],
    { xmlns: 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.03' },
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(document, '')}`;
}

function debtorElements(batch: PayoutBatch, problems: LineProblem[]): { name: El; iban: string; agent: El } {
  const d = batch.debtor;
  if (d === null) {
    problems.push({ itemId: null, message: "the brand's bank account (debtor name and IBAN) is not set; SEPA files are sent from it" });
    return { name: ['Nm', ''], iban: '', agent: ['BIC', ''] };
  }
  const name = toSepaText(d.name, 70);
  if (name === '') problems.push({ itemId: null, message: 'debtor name has no Latin characters' });
  const iban = validateIban(d.iban);
  if (!iban.ok) problems.push({ itemId: null, message: `debtor IBAN: ${iban.message}` });
  const bic = d.bic === null || d.bic.trim() === '' ? null : validateBic(d.bic);
  if (bic !== null && !bic.ok) problems.push({ itemId: null, message: `debtor BIC: ${bic.message}` });
  // EPC: without a BIC the debtor agent is identified as NOTPROVIDED (IBAN-only, since 2016).
  const agent: El = bic?.ok ? ['BIC', bic.bic] : ['Othr', [['Id', 'NOTPROVIDED']]];
  return { name: ['Nm', name], iban: iban.ok ? iban.iban : '', agent };
}

// Round-tripping through Date rejects impossible days such as 2025-02-30, which V8 parses
// leniently but xs:date refuses.
function isIsoDate(text: string): boolean {
  const time = Date.parse(`${text}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === text;
}

/** Max35Text in the SEPA Latin set; must not start or end with "/" nor contain "//" (EPC). */
function sepaId(id: string, itemId: string | null, problems: LineProblem[]): string {
  const mapped = id.replace(/_/g, '-');
  if (!/^[A-Za-z0-9/\-?:().,'+]{1,35}$/.test(mapped) || mapped.startsWith('/') || mapped.endsWith('/') || mapped.includes('//')) {
    problems.push({ itemId, message: `id "${id}" cannot be a SEPA reference (1–35 letters, digits and - / ? : ( ) . , ' +)` });
  }
  return mapped;
}

function render([name, content, attrs]: El, indent: string): string {
  const attributes = Object.entries(attrs ?? {}).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
  if (typeof content === 'string') return `${indent}<${name}${attributes}>${escapeXml(content)}</${name}>\n`;
  return `${indent}<${name}${attributes}>\n${content.map((c) => render(c, indent + '  ')).join('')}${indent}</${name}>\n`;
}
