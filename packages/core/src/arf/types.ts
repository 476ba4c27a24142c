/**
 * The validated ARF: what `parseArf` extracts from an oscap 1.3.x ARF 1.1 document. Everything
 * here was checked against its expected shape; `results/build-results.ts` turns it into the
 * result model.
 */
import type {
  RuleCheckRef,
  RuleIdentifier,
  RuleReference,
  RuleResultValue,
  Severity
} from '../results/model.js'

export interface ParsedArf {
  /** The file the ARF came from, for messages. */
  source: string
  testResult: ParsedTestResult
  benchmark: ParsedBenchmark
  /** OVAL results by ARF report id (`oval0`, `oval1`); `check-content-ref/@href` is `#<id>`. */
  oval: Map<string, OvalResults>
}

export interface ParsedTestResult {
  id: string
  startTime: string
  endTime: string
  /** `cpe:/a:redhat:openscap:1.3.7` */
  testSystem: string
  /** Benchmark version the TestResult was made with (`@version`). */
  version: string
  benchmarkId: string
  /** Absent when oscap ran without `--profile`. */
  profileId?: string
  /** `<target>`: the image's `/etc/hostname`, never an identity (docs/reference/openscap.md §2.3). */
  target: string
  facts: {name: string; type: string; value: string}[]
  /** One per scoring system; oscap writes `urn:xccdf:scoring:default`. */
  scores: {system: string; value: number; maximum: number}[]
  /** Profile values used for this run: Value id → value. */
  setValues: Map<string, string>
  platforms: string[]
  ruleResults: ParsedRuleResult[]
}

export interface ParsedRuleResult {
  idref: string
  /** 0 for the first rule-result with this idref, 1 for the second (multi-check) … */
  index: number
  severity: Severity
  result: RuleResultValue
  role?: string
  weight?: string
  time?: string
  identifiers: RuleIdentifier[]
  checks: (RuleCheckRef & {exports: {valueId: string; exportName: string}[]})[]
  messages: {severity?: string; text: string}[]
}

export interface ParsedBenchmark {
  id: string
  version: string
  title: string
  /** Profile id → title, from the Benchmark and any tailoring component. */
  profiles: Map<string, string>
  rules: Map<string, ParsedRule>
}

export interface ParsedRule {
  id: string
  severity: Severity
  title: string
  /** Plain text, `xccdf:sub` resolved from the TestResult's set-values, then Value defaults. */
  description: string
  rationale: string
  references: RuleReference[]
  identifiers: RuleIdentifier[]
  /** Distinct `fix/@system` values, sorted. */
  fixes: string[]
  checks: RuleCheckRef[]
  /** The rule's own `platform/@idref`s plus those of every enclosing Group. */
  platforms: string[]
}

/** One OVAL results report, reduced to what blame needs. Structured to grow. */
export interface OvalResults {
  /** Definition id → its result and the items its tests collected. */
  definitions: Map<string, OvalDefinitionResult>
  /** Test id → its result and oscap's result for each item it tested. */
  tests: Map<string, OvalTestResult>
}

export interface OvalTestResult {
  id: string
  result: OvalResultValue
  /** `@check`: `all` (the OVAL default), `at least one`, `only one`, `none satisfy`. */
  check: string
  /** `@check_existence`: `at_least_one_exists` (the OVAL default), `all_exist`, `none_exist` … */
  checkExistence: string
  /**
   * `tested_item`s in document order: oscap's result for the item against the test's states;
   * `not evaluated` when the test has no state (existence alone decides it).
   */
  items: {itemId: string; result: OvalResultValue}[]
}

export type OvalResultValue =
  'true' | 'false' | 'unknown' | 'error' | 'not evaluated' | 'not applicable'

export interface OvalDefinitionResult {
  id: string
  result: OvalResultValue
  /** Test ids reached from the criteria, including through `extend_definition`, document order. */
  testIds: string[]
  /**
   * Items the tests examined (deduplicated by item id, document order). On a failed definition
   * (`result: 'false'`), `failing` marks the items that decided the failure.
   */
  items: OvalItem[]
}

export interface OvalItem {
  id: string
  /** Local element name: `dpkginfo_item`, `file_item`, `textfilecontent_item` … */
  itemType: string
  status?: string
  /** `filepath`, or `path` + `/` + `filename` when only those are present. */
  filepath?: string
  path?: string
  /** Package name for `dpkginfo_item`/`rpminfo_item`. */
  name?: string
  /** Package version for package items. */
  evr?: string
  /**
   * Set on a failed definition's items: true when the item made a test that decided the failure
   * come out that way (a file whose mode did not match the state, a file that should not exist).
   */
  failing?: boolean
}
