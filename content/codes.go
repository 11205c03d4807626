package content

// Code names a kind of diagnostic: stable, kebab-case, shown in JSON output
// and listed in docs/diagnostics.md. Every code Trellis reports is one of
// the constants below and has an entry in Codes.
type Code string

// Error codes: problems that stop the build.
const (
	CodeNotAPlan            Code = "not-a-plan"
	CodeMissingFile         Code = "missing-file"
	CodeUnreadableFile      Code = "unreadable-file"
	CodeInvalidUTF8         Code = "invalid-utf8"
	CodeNoFrontMatter       Code = "no-front-matter"
	CodeUnclosedFrontMatter Code = "unclosed-front-matter"
	CodeTOMLSyntax          Code = "toml-syntax"
	CodeTOMLTooDeep         Code = "toml-too-deep"
	CodeTooManyProblems     Code = "too-many-problems"
	CodeUnknownKey          Code = "unknown-key"
	CodeMissingKey          Code = "missing-key"
	CodeEmptyValue          Code = "empty-value"
	CodeWrongType           Code = "wrong-type"
	CodeOutOfRange          Code = "out-of-range"
	CodeInvalidValue        Code = "invalid-value"
	CodeInvalidID           Code = "invalid-id"
	CodeDuplicateID         Code = "duplicate-id"
	CodeUnknownReference    Code = "unknown-reference"
	// CodeUnknownLanguage is a `language` that is not a BCP 47 tag.
	CodeUnknownLanguage Code = "unknown-language"
	// CodeNoCatalogue is a language with no catalogue of interface text.
	CodeNoCatalogue Code = "no-catalogue"
	// CodeNotTranslatable is a translation file that sets what only the
	// main file may: a number, date, id, reference or choice, or a key the
	// main file does not have.
	CodeNotTranslatable Code = "not-translatable"
	// CodeFutureActual is a measure that reports more years than have
	// begun.
	CodeFutureActual Code = "future-actual"
)

// Error codes for files the loader refuses to read (internal/planfs gives
// them as strings).
const (
	CodeLinkOutside  Code = "link-outside"
	CodeBrokenLink   Code = "broken-link"
	CodeNotAFile     Code = "not-a-file"
	CodeFileTooLarge Code = "file-too-large"
)

// Error codes for the common mistakes of people new to TOML, each explained
// with the corrected line.
const (
	CodeControlChar    Code = "control-character"
	CodeDateFormat     Code = "date-format"
	CodeNumberFormat   Code = "number-format"
	CodeTrueFalse      Code = "true-false"
	CodeMissingQuotes  Code = "missing-quotes"
	CodeCurlyQuotes    Code = "curly-quotes"
	CodeUnescapedQuote Code = "unescaped-quote"
	CodeUnclosedString Code = "unclosed-string"
	CodeUnclosedList   Code = "unclosed-list"
	CodeMultiLineText  Code = "multi-line-text"
	CodeYAMLSyntax     Code = "yaml-syntax"
	CodeDuplicateKey   Code = "duplicate-key"
)

// Warning codes: weaknesses the standards describe as what professional
// learning "doesn't look like", and text left to fill in.
const (
	CodeOneShot          Code = "one-shot-activity"
	CodeShortActivity    Code = "short-activity"
	CodeOutsidePlanYears Code = "outside-plan-years"
	CodeGoalNoActivities Code = "goal-without-activities"
	CodeYearNoOutcome    Code = "year-without-outcome"
	CodeMeasuredOnce     Code = "measured-once-a-year"
	CodeNoStudentData    Code = "no-student-data"
	CodeNotAddressed     Code = "standard-not-addressed"
	CodeIncompleteEval   Code = "incomplete-evaluation"
	CodeStarterText      Code = "starter-text"
	CodeIgnoredFolder    Code = "ignored-folder"
	// CodeFundingNearDuplicate warns of two funding names that differ only
	// in spelling, which the budget would count as two sources.
	CodeFundingNearDuplicate Code = "funding-near-duplicate"
	// CodeMissingMessage warns of a plan's catalogue that lacks messages
	// of the theme's English one.
	CodeMissingMessage Code = "missing-message"
	// CodeUntranslated warns of a content file whose text, or some of it,
	// has no translation into a language of `translations`.
	CodeUntranslated Code = "untranslated"
	// CodeUnlistedTranslation warns of a translation file into a language
	// that `translations` does not list.
	CodeUnlistedTranslation Code = "unlisted-translation"
	// The plan over time: targets, updates and earlier reviews.
	CodeMissingTargets    Code = "missing-targets"
	CodeUpdateOutsideYear Code = "update-outside-year"
	CodeReviewOrder       Code = "review-order"
)

// Build codes: reported by the generator while it renders a valid plan.
const (
	CodeRenderFailed   Code = "render-failed"
	CodeUnminifiedPage Code = "unminified-page"
	CodeTooDeep        Code = "markdown-too-deep"
	CodeTooManyMarks   Code = "markdown-too-many-marks"
	CodeRemovedHTML    Code = "removed-html"
	// CodeReservedFolder refuses a portal's district folder named like one
	// of the portal's own pages or files.
	CodeReservedFolder Code = "reserved-folder"
	// CodeRawHTMLOverridden tells of a district's unsafe_html = true that
	// its portal's unsafe_html = false overrides.
	CodeRawHTMLOverridden Code = "raw-html-overridden"
	CodeNoBaseURL         Code = "no-base-url"
	// CodeVersionNotBuilt: an earlier version that trellis build
	// --versions could not build.
	CodeVersionNotBuilt Code = "version-not-built"
)

// CodeInfo describes one code: the severity it is reported with and what it
// means, in one line.
type CodeInfo struct {
	Code        Code
	Severity    Severity
	Description string
}

// Codes lists every diagnostic code, in the order of docs/diagnostics.md.
var Codes = []CodeInfo{
	{CodeNotAPlan, Error, "the folder has no `trellis.toml`"},
	{CodeMissingFile, Error, "a required file or the goals are missing, or the standards file named in settings cannot be read"},
	{CodeUnreadableFile, Error, "a file or folder cannot be read (permissions)"},
	{CodeLinkOutside, Error, "a symbolic link that leads outside the plan's folder"},
	{CodeBrokenLink, Error, "a symbolic link to nothing, or links that form a loop"},
	{CodeNotAFile, Error, "a folder, device or pipe where a file is expected, or a folder named like a file"},
	{CodeFileTooLarge, Error, "a content file above the size limit (4 MB)"},
	{CodeInvalidUTF8, Error, "the file is not UTF-8 text"},
	{CodeNoFrontMatter, Error, "a Markdown file does not start with `+++`, uses YAML `---`, or is empty"},
	{CodeUnclosedFrontMatter, Error, "the opening `+++` has no closing `+++`"},
	{CodeTOMLSyntax, Error, "the TOML cannot be read"},
	{CodeTOMLTooDeep, Error, "TOML nested more than 100 levels deep (tables, dotted keys, lists and inline tables)"},
	{CodeTooManyProblems, Error, "a file with more than 100 errors: the first 100 are shown (a warning when it is more than 100 warnings)"},
	{CodeUnknownKey, Error, "a key the file does not take"},
	{CodeMissingKey, Error, "a required key is missing"},
	{CodeEmptyValue, Error, "a required key is blank or an empty list"},
	{CodeWrongType, Error, "text where a number is expected, and so on"},
	{CodeOutOfRange, Error, "a number outside its range: ratings 1–4, plan years, enrollment, costs"},
	{CodeInvalidValue, Error, "a value not among those allowed, or that contradicts another"},
	{CodeInvalidID, Error, "an id that is not kebab-case"},
	{CodeDuplicateID, Error, "two things share an id, or one thing is given twice"},
	{CodeUnknownReference, Error, "a goal, standard, frame, evaluation item or standards set that does not exist"},
	{CodeUnknownLanguage, Error, "a `language` that is not a language tag, such as `sp` for `es`"},
	{CodeNoCatalogue, Error, "a language that has no catalogue of interface text in the theme or the plan's `i18n/` folder"},
	{CodeNotTranslatable, Error, "a translation (`name.es.md`) that sets a number, date, id, reference or choice, or a key its main file does not have"},
	{CodeFutureActual, Error, "a measure with more `actual` values than the plan has begun years (`current_year`)"},
	{CodeControlChar, Error, "a NUL, escape or other control character in a file, front matter or body"},
	{CodeDateFormat, Error, "a date not written year-month-day, or a time where a date is expected"},
	{CodeNumberFormat, Error, "a number written with commas, `$`, `%` or `k`"},
	{CodeTrueFalse, Error, "`yes`, `no`, `True` where TOML takes `true` or `false`"},
	{CodeMissingQuotes, Error, "text written without quotes"},
	{CodeCurlyQuotes, Error, "a value in curly quotes (“ ”, ‘ ’) from a word processor"},
	{CodeUnescapedQuote, Error, "quotes inside a text that end it early"},
	{CodeUnclosedString, Error, "a text with no closing quote"},
	{CodeUnclosedList, Error, "a list with no closing `]`"},
	{CodeMultiLineText, Error, "text over several lines in a one-line `\"...\"` string"},
	{CodeYAMLSyntax, Error, "a `key: value` line, written as YAML, in TOML"},
	{CodeDuplicateKey, Error, "a key or a `[table]` given twice, or `[table]` where `[[table]]` is meant"},
	{CodeOneShot, Warning, "an activity with no follow-up"},
	{CodeShortActivity, Warning, "an activity whose dates span less than two weeks, follow-up included"},
	{CodeOutsidePlanYears, Warning, "an activity whose dates fall outside the plan's years"},
	{CodeGoalNoActivities, Warning, "a goal that no activity serves"},
	{CodeYearNoOutcome, Warning, "a plan year with no expected outcome for a goal"},
	{CodeMeasuredOnce, Warning, "a goal whose measures are all taken once a year or less"},
	{CodeNoStudentData, Warning, "a goal whose evidence cites no student data"},
	{CodeNotAddressed, Warning, "a standard that no activity addresses"},
	{CodeIncompleteEval, Warning, "a partner evaluation with unrated items, or a rating without evidence"},
	{CodeStarterText, Warning, "text written by `trellis new` that is still to be replaced"},
	{CodeFundingNearDuplicate, Warning, "a funding name written almost like an earlier one, when `trellis.toml` has no `funding_sources`"},
	{CodeMissingMessage, Warning, "a catalogue of the plan's own (`i18n/xx.toml`) that lacks messages of the theme's English one"},
	{CodeUntranslated, Warning, "a content file with text not yet translated into a language of `translations`, one warning per file"},
	{CodeUnlistedTranslation, Warning, "a translation file into a language that `translations` does not list"},
	{CodeMissingTargets, Warning, "a measure with numbers that has fewer targets than the plan has years"},
	{CodeUpdateOutsideYear, Warning, "a `[[years.updates]]` entry dated outside its plan year (July 1 to June 30)"},
	{CodeReviewOrder, Warning, "an earlier partner review in `[[reviews]]` dated on or after the current review"},
	{CodeIgnoredFolder, Warning, "a folder inside goals/, activities/ or partners/, whose files are not read"},
	{CodeRenderFailed, Error, "Trellis failed while rendering a page: a bug to report, with the file named"},
	{CodeUnminifiedPage, Warning, "minifying a page would have changed its text, so it is published as rendered"},
	{CodeTooDeep, Error, "Markdown lists and block quotes nested more than 16 deep"},
	{CodeTooManyMarks, Error, "a Markdown text with more than 100,000 emphasis, code and link marks (`*`, `_`, `~`, `` ` ``, `[`)"},
	{CodeReservedFolder, Error, "a portal's district folder named like one of the portal's own pages or files (`standards`, `accessibility`, `404`, ...)"},
	{CodeRawHTMLOverridden, Warning, "a district's `unsafe_html = true`, overridden by `unsafe_html = false` in `portal.toml`"},
	{CodeRemovedHTML, Warning, "raw HTML (`unsafe_html = true`) lost markup that could run script or reach outside the page"},
	{CodeNoBaseURL, Warning, "`trellis build` without a `base_url`: the sitemap and canonical links lack full addresses"},
	{CodeVersionNotBuilt, Warning, "`trellis build --versions`: a tag that `version_tags` matches whose plan has errors, or whose name cannot be an address"},
}

// Info returns the description of c, or false if c is not a known code.
func (c Code) Info() (CodeInfo, bool) {
	for _, ci := range Codes {
		if ci.Code == c {
			return ci, true
		}
	}
	return CodeInfo{}, false
}
