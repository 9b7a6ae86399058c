import { Metadata, type CountryCode } from 'libphonenumber-js/core';
import metadataJson from 'libphonenumber-js/min/metadata';
import { normalizePhone, plausibleUnallocated, type PhoneResult } from '../rules/phone.js';

/**
 * `normalizePhone` for bulk imports: the same answers, about ten times faster.
 *
 * Why it exists (measured, `npm run bench -- --suite import`, the same 100k-row file):
 * through libphonenumber-js's documented API alone, read-to-plan took 14.1 s in Node and
 * 16.3 s in the Chromium worker, against 2-3 s with this path in the same conditions (a
 * loaded machine; PapaParse's baseline 781 ms) — far over the one second an admin may
 * wait for phones at 100k rows. libphonenumber-js compiles a fresh RegExp for every
 * pattern test and throws (with a stack trace) on every failed parse.
 *
 * It reads libphonenumber-js's metadata through its `Metadata` class, which is not its
 * documented API: the package is pinned to an exact version, and the differential test
 * (test/import-phone.test.ts) compares this path with `normalizePhone` on numbers of
 * every country in many shapes, so an upgrade that changes an answer fails it. Here the common shape,
 * a plainly formatted number (digits with spaces, dashes, dots or brackets, optionally
 * `+`) of a country whose calling code is its own, follows libphonenumber's parsing steps
 * on the same metadata with compiled patterns: national prefix stripping, the national
 * number pattern, the number types and possible lengths. Every other input, and every
 * step this path does not model (carrier codes, IDD prefixes, shared calling codes,
 * non-geographic numbers), returns to `normalizePhone` itself. The differential test
 * makes about 29,000 comparisons (ten shapes of two numbers per country, six default
 * countries).
 */
export function createPhoneNormalizer(
  defaultCountry: CountryCode | undefined,
): (raw: string) => PhoneResult {
  const e164 = createE164Normalizer(defaultCountry);
  return (raw) => {
    const result = e164(raw);
    return typeof result === 'string' ? { ok: true, e164: result } : result;
  };
}

/**
 * {@link createPhoneNormalizer} for the import's row loop: the E.164 text itself on
 * success (no result object per row), the failure otherwise.
 */
export function createE164Normalizer(
  defaultCountry: CountryCode | undefined,
): (raw: string) => string | PhoneFailure {
  // Remembers the slow path's answers only: files repeat numbers (switchboards,
  // families), and a fast answer costs less than remembering it.
  const memo = new Map<string, string | PhoneFailure>();
  const fastE164 = createFastPath();
  return (raw) => {
    const fast = fastE164(raw, defaultCountry);
    if (fast !== null) return fast;
    let result = memo.get(raw);
    if (result === undefined) {
      const slow = normalizePhone(raw, defaultCountry);
      result = slow.ok ? slow.e164 : slow;
      memo.set(raw, result);
    }
    return result;
  };
}

/** A phone number that could not be read, with the reason in plain language. */
export type PhoneFailure = Extract<PhoneResult, { ok: false }>;

const SIMPLE = /^\+?[\d\s().-]+$/;
const MIN_NSN = 2;
const MAX_NSN = 17;
const NON_FIXED_LINE_TYPES = [
  'MOBILE',
  'PREMIUM_RATE',
  'TOLL_FREE',
  'SHARED_COST',
  'VOIP',
  'PERSONAL_NUMBER',
  'PAGER',
  'UAN',
  'VOICEMAIL',
] as const;

/** The parts of libphonenumber-js's Metadata this path reads. */
interface PlanView {
  selectNumberingPlan(country: string): void;
  hasCallingCode(code: string): boolean;
  getCountryCodesForCallingCode(code: string): string[] | undefined;
  numberingPlan: {
    callingCode(): string;
    nationalNumberPattern(): string;
    possibleLengths(): number[] | undefined;
    nationalPrefixForParsing(): string | undefined;
    IDDPrefix(): string | undefined;
    leadingDigits(): string | undefined;
    hasTypes(): boolean;
    type(name: string): { pattern(): string; possibleLengths(): number[] | undefined } | undefined;
  };
}

interface CompiledType {
  /** The metadata's pattern, for the combined per-length patterns. */
  source: string;
  lengths: number[] | undefined;
}

/** One country's numbering plan with its patterns compiled once. */
interface CompiledPlan {
  callingCode: string;
  /** The calling code's entry (`null` if the metadata lacks it: not modelled). */
  code: CallingCode | null;
  nationalNumber: RegExp;
  possibleLengths: number[] | undefined;
  nationalPrefix: RegExp | null;
  /** The prefix when it is plain digits (most countries: `0`): a startsWith, no match array. */
  nationalPrefixDigits: string | null;
  /** The IDD prefix at the start of the digits (`search(idd) === 0`, without a match array). */
  idd: RegExp | null;
  /** The IDD prefix when it is plain digits (`00`, `011`): a startsWith. */
  iddDigits: string | null;
  /** The national number pattern's source. */
  nationalSource: string;
  /**
   * hasType as one pattern per length (the national number pattern as a lookahead, then
   * the types of that length): one pattern run instead of three or more.
   */
  typeByLength: Map<number, RegExp>;
  /** Leading digits that pick this country among those sharing its calling code. */
  leadingDigits: RegExp | null;
  hasTypes: boolean;
  fixedLine: CompiledType | null;
  nonFixedLine: CompiledType[];
}

/** A calling code and what every number asks of it, looked up once. */
interface CallingCode {
  text: string;
  /** `+` and the code: the start of every E.164 number with it. */
  plus: string;
  countries: readonly string[];
  /** Non-geographic numbers (`001`) are not modelled. */
  nonGeographic: boolean;
  /** Its countries' plans, compiled on first use (`null`: one of them is not modelled). */
  plans?: readonly CompiledPlan[] | null;
}

function entire(pattern: string): RegExp {
  return new RegExp(`^(?:${pattern})$`);
}

/**
 * The fast path alone, for the differential test: `normalizePhone`'s answer, or `null`
 * when an input needs the full parser.
 */
export function createFastPhonePath(): (
  input: string,
  defaultCountry: CountryCode | undefined,
) => PhoneResult | null {
  const fastE164 = createFastPath();
  return (input, defaultCountry) => {
    const e164 = fastE164(input, defaultCountry);
    return e164 === null ? null : { ok: true, e164 };
  };
}

/** `/^00[1-9]/.test(raw)` without running a pattern. */
function startsWith00Digit(raw: string): boolean {
  const third = raw.charCodeAt(2);
  return raw.charCodeAt(0) === 48 && raw.charCodeAt(1) === 48 && third >= 49 && third <= 57;
}

/**
 * The digits of a plainly formatted number (`SIMPLE`, at most a leading `+`), else null.
 * One scan instead of a pattern test and a replace: a third of this path's time went there.
 */
function simpleDigits(raw: string): string | null {
  let digits = '';
  let run = -1;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (run < 0) run = i;
      continue;
    }
    if (run >= 0) {
      digits += raw.slice(run, i);
      run = -1;
    }
    if (c === 43 /* + */ ? i === 0 : c === 32 || c === 40 || c === 41 || c === 45 || c === 46)
      continue;
    if (c >= 9 && c <= 13) continue;
    // Other white space (\s is Unicode-wide): leave it to the patterns.
    if (c > 127)
      return SIMPLE.test(raw) && raw.lastIndexOf('+') <= 0 ? raw.replace(/\D/g, '') : null;
    return null;
  }
  if (run >= 0) digits += run === 0 ? raw : raw.slice(run);
  // `+` alone has no digit, as SIMPLE requires one character after it.
  return raw.length === 1 && raw.charCodeAt(0) === 43 ? null : digits;
}

/**
 * A number libphonenumber would parse. Two are reused for every number (the national
 * and the `+digits` reading), filled in by `candidate`: 100k rows, no object each.
 */
interface Candidate {
  code: CallingCode;
  /** National significant number. */
  nsn: string;
  valid: boolean;
  possible: boolean;
}

const NO_CODE: CallingCode = { text: '', plus: '+', countries: [], nonGeographic: false };

/** `candidate` filled its output in. */
const FOUND = 1;
/** libphonenumber finds no number. */
const NONE = 0;
/** A candidate's outcome: FOUND, NONE, or `null` when the input needs the full parser. */
type Outcome = typeof FOUND | typeof NONE | null;

function e164Of(c: Candidate): string {
  return c.code.plus + c.nsn;
}

/**
 * `^(?=(?:national)$)(?:type|type…)$` over the types whose lengths allow `length`: the
 * national number pattern and one number type fit (a pattern that never matches if no type
 * has that length).
 */
function typesOfLength(p: CompiledPlan, length: number): RegExp {
  const types = [p.fixedLine, ...p.nonFixedLine].filter(
    (type): type is CompiledType =>
      type !== null && (!type.lengths || type.lengths.indexOf(length) >= 0),
  );
  if (types.length === 0) return NEVER;
  const union = types.map((type) => `(?:${type.source})`).join('|');
  return new RegExp(`^(?=(?:${p.nationalSource})$)(?:${union})$`);
}

const NEVER = /(?!)/;

/**
 * The fast path, with its own copy of every cache (compiled numbering plans, calling
 * codes, the scratch candidates): no state at module level, so two imports never share
 * or race on it. One per import run (see {@link createE164Normalizer}).
 */
function createFastPath(): (
  input: string,
  defaultCountry: CountryCode | undefined,
) => string | null {
  const metadata = new Metadata(metadataJson) as unknown as PlanView;

  const plans = new Map<string, CompiledPlan | null>();

  /** Calling codes by value (`null`: no such code); asked for every number, so an array. */
  const callingCodes: (CallingCode | null | undefined)[] = [];

  const NATIONAL: Candidate = { code: NO_CODE, nsn: '', valid: false, possible: false };

  const WITH_PLUS: Candidate = { code: NO_CODE, nsn: '', valid: false, possible: false };

  /** hasType's last answer. */
  const lastType: { nsn: string; plan: CompiledPlan | null; result: boolean } = {
    nsn: '',
    plan: null,
    result: false,
  };

  function plansOf(code: CallingCode): readonly CompiledPlan[] | null {
    if (code.plans === undefined) {
      const plans: CompiledPlan[] = [];
      for (const country of code.countries) {
        const p = plan(country);
        if (!p) break;
        plans.push(p);
      }
      code.plans = plans.length === code.countries.length ? plans : null;
    }
    return code.plans;
  }

  function callingCodeOf(value: number): CallingCode | null {
    let code = callingCodes[value];
    if (code === undefined) {
      const text = String(value);
      const countries = metadata.hasCallingCode(text)
        ? metadata.getCountryCodesForCallingCode(text)
        : undefined;
      code = countries
        ? { text, plus: `+${text}`, countries, nonGeographic: countries.includes('001') }
        : null;
      callingCodes[value] = code;
    }
    return code;
  }

  function plan(country: string): CompiledPlan | null {
    let compiled = plans.get(country);
    if (compiled !== undefined) return compiled;
    compiled = null;
    try {
      metadata.selectNumberingPlan(country);
      const p = metadata.numberingPlan;
      const callingCode = p.callingCode();
      const compileType = (name: string): CompiledType | null => {
        const type = p.type(name);
        if (!type || !type.pattern()) return null;
        return {
          source: type.pattern(),
          lengths: type.possibleLengths(),
        };
      };
      const prefix = p.nationalPrefixForParsing();
      const idd = p.IDDPrefix();
      const leading = p.leadingDigits();
      compiled = {
        callingCode,
        code: /^[1-9]\d{0,2}$/.test(callingCode) ? callingCodeOf(Number(callingCode)) : null,
        leadingDigits: leading ? new RegExp(leading) : null,
        nationalNumber: entire(p.nationalNumberPattern()),
        possibleLengths: p.possibleLengths(),
        nationalPrefix: prefix ? new RegExp(`^(?:${prefix})`) : null,
        nationalPrefixDigits: prefix && /^\d+$/.test(prefix) ? prefix : null,
        idd: idd ? new RegExp(`^(?:${idd})`) : null,
        iddDigits: idd && /^\d+$/.test(idd) ? idd : null,
        nationalSource: p.nationalNumberPattern(),
        typeByLength: new Map(),
        hasTypes: p.hasTypes(),
        fixedLine: compileType('FIXED_LINE'),
        nonFixedLine: NON_FIXED_LINE_TYPES.map(compileType).filter(
          (t): t is CompiledType => t !== null,
        ),
      };
    } catch {
      compiled = null;
    }
    plans.set(country, compiled);
    return compiled;
  }

  /**
   * The E.164 form `normalizePhone` would give, or `null` when this input needs the full
   * parser (including every failure: they keep normalizePhone's own messages).
   */
  function fastE164(input: string, defaultCountry: CountryCode | undefined): string | null {
    const raw = input.trim();
    if (raw === '') return null;
    let digits = simpleDigits(raw);
    if (digits === null) return null;
    const international = raw.charCodeAt(0) === 43 /* + */ || startsWith00Digit(raw);
    if (international && digits.startsWith('00')) digits = digits.slice(2);
    if (digits.length < 4) return null;

    // Candidates in normalizePhone's order: national (default country), then `+digits`.
    let national: Candidate | null = null;
    if (!international && defaultCountry) {
      const found = nationalCandidate(digits, defaultCountry, NATIONAL);
      if (found === null) return null;
      if (found === FOUND) {
        if (NATIONAL.valid) return e164Of(NATIONAL);
        national = NATIONAL;
      }
    }
    let withPlus: Candidate | null = null;
    if (!digits.startsWith('0')) {
      const found = internationalCandidate(digits, WITH_PLUS);
      if (found === null) return null;
      if (found === FOUND) {
        if (WITH_PLUS.valid) return e164Of(WITH_PLUS);
        withPlus = WITH_PLUS;
      }
    }
    if (national?.possible && plausibleUnallocated(national.nsn)) return e164Of(national);
    if (withPlus?.possible && plausibleUnallocated(withPlus.nsn)) return e164Of(withPlus);
    return null;
  }

  /** libphonenumber's parse of a national number. */
  function nationalCandidate(digits: string, country: string, out: Candidate): Outcome {
    const p = plan(country);
    if (!p?.code) return null;
    // An IDD prefix (00, 011 …) or the country's own calling code without `+` sends
    // libphonenumber down paths this one does not model.
    if (p.iddDigits !== null ? digits.startsWith(p.iddDigits) : p.idd?.test(digits)) return null;
    if (digits.startsWith(p.callingCode)) return null;
    return candidate(digits, p.code, p, out);
  }

  /** libphonenumber's parse of `+digits`. */
  function internationalCandidate(digits: string, out: Candidate): Outcome {
    let value = 0;
    for (let length = 1; length <= 3 && length <= digits.length; length++) {
      // Never a leading 0 here, so the number names the code: no slice per try.
      value = value * 10 + digits.charCodeAt(length - 1) - 48;
      const code = callingCodeOf(value);
      if (code === null) continue;
      // libphonenumber parses with the code's first country's plan.
      const p = code.nonGeographic ? null : plansOf(code)?.[0];
      if (!p) return null;
      return candidate(digits.slice(length), code, p, out);
    }
    return NONE;
  }

  /**
   * getCountryByCallingCode, as the country's plan: the one country, else the first whose
   * leading digits or number types fit (`undefined`: none; `null`: not modelled).
   */
  function countryFor(code: CallingCode, nsn: string): CompiledPlan | undefined | null {
    if (code.nonGeographic) return null;
    const plans = plansOf(code);
    if (plans === null) return null;
    if (plans.length === 1) return plans[0];
    for (const p of plans) {
      if (p.leadingDigits) {
        if (nsn && nsn.search(p.leadingDigits) === 0) return p;
      } else if (hasType(nsn, p)) return p;
    }
    return undefined;
  }

  /**
   * `selected`: the plan libphonenumber parses with (the default country's, or the calling
   * code's first country's), and the one it keeps when no country fits better.
   */
  function candidate(
    number: string,
    code: CallingCode,
    selected: CompiledPlan,
    out: Candidate,
  ): Outcome {
    let nsn = number;
    // selected.nationalNumber.test(nsn) once known: hasType repeats it otherwise.
    let nationalFits: boolean | undefined;
    if (selected.nationalPrefix) {
      const literal = selected.nationalPrefixDigits;
      let prefixLength = -1;
      if (literal !== null) {
        if (number.startsWith(literal)) prefixLength = literal.length;
      } else {
        const match = selected.nationalPrefix.exec(number);
        // Carrier codes and transform rules are not modelled.
        if (match && match.length > 1 && match[match.length - 1]) return null;
        if (match) prefixLength = match[0].length;
      }
      if (prefixLength >= 0) {
        const stripped = number.slice(prefixLength);
        let keep = false;
        if (selected.nationalNumber.test(number)) {
          nationalFits = selected.nationalNumber.test(stripped);
          keep = !nationalFits;
        }
        if (!keep && selected.possibleLengths) {
          const country = countryFor(code, stripped);
          if (country === null) return null;
          const lengths = (country ?? selected).possibleLengths;
          const check = lengths ? lengthCheck(stripped, lengths) : 'IS_POSSIBLE';
          keep = check === 'TOO_SHORT' || check === 'INVALID_LENGTH';
        }
        if (keep) nationalFits = undefined;
        else nsn = stripped;
      }
    }
    if (nsn.length < MIN_NSN || nsn.length > MAX_NSN) return NONE;
    const exact = countryFor(code, nsn);
    if (exact === null) return null;
    const final = exact ?? selected;
    if (!final.possibleLengths) return null;
    out.code = code;
    out.nsn = nsn;
    out.valid = final.hasTypes
      ? hasType(nsn, final, final === selected ? nationalFits : undefined)
      : final.nationalNumber.test(nsn);
    out.possible = lengthCheck(nsn, final.possibleLengths) === 'IS_POSSIBLE';
    return FOUND;
  }

  /** getNumberType(…) !== undefined: the national number pattern and one number type fit. */
  function hasType(nsn: string, p: CompiledPlan, nationalFits?: boolean): boolean {
    // Shared calling codes (+44, +1, +7) ask twice in a row: countryFor, then the validity.
    if (nsn === lastType.nsn && p === lastType.plan) return lastType.result;
    let result: boolean;
    if (nationalFits === false) result = false;
    else {
      let combined = p.typeByLength.get(nsn.length);
      if (combined === undefined) {
        combined = typesOfLength(p, nsn.length);
        p.typeByLength.set(nsn.length, combined);
      }
      result = combined.test(nsn);
    }
    lastType.nsn = nsn;
    lastType.plan = p;
    lastType.result = result;
    return result;
  }

  return fastE164;
}

type LengthCheck = 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH';

function lengthCheck(nsn: string, lengths: number[]): LengthCheck {
  const length = nsn.length;
  const minimum = lengths[0]!;
  if (minimum === length) return 'IS_POSSIBLE';
  if (minimum > length) return 'TOO_SHORT';
  if (lengths[lengths.length - 1]! < length) return 'TOO_LONG';
  return lengths.indexOf(length, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}
