package bidi

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The conformance vectors of ../shared/conformance/normalize describe what
// four other projects expect of their normalizers. TestConformance runs each
// through our fa normalizer with the policy that matches the upstream
// function, and checks the outcome against CONFORMANCE.md: every vector
// passes, or is a deviation listed there with the DESIGN.md rule that our
// output follows, or is not applicable. go test -update rewrites the file.

type vector struct {
	ID       string         `json:"id"`
	Source   string         `json:"source"`
	Function string         `json:"function"`
	Options  map[string]any `json:"options"`
	Input    any            `json:"input"`
	Expected any            `json:"expected"`
	Tags     []string       `json:"tags"`
	Xfail    bool           `json:"xfail"`
}

// floorTags are the tags whose pass rate the issues track (CONFORMANCE.md
// gives it per preset).
var floorTags = []string{"arabic_letters", "zwnj", "affixes", "tatweel", "presentation_forms", "diacritics"}

// policy maps an upstream function to our matching options, or gives the
// reason it has no counterpart.
func policy(v vector) (Options, string) {
	if _, ok := v.Input.(string); !ok {
		return Options{}, "input is not a string (a token list or a JS number): no text normalizer of ours takes it"
	}
	if _, ok := v.Expected.(string); !ok {
		return Options{}, "upstream asserts no output string (expected is null)"
	}
	full := Options{Digits: DigitsFa, StripDiacritics: true}
	switch v.Function {
	// hazm: normalize() and character_refinement() turn on Persian digits
	// and diacritic removal; the single steps map to their one policy.
	case "normalize", "character_refinement":
		return full, ""
	case "remove_diacritics":
		return Options{StripDiacritics: true}, ""
	case "persian_number":
		return Options{Digits: DigitsFa}, ""
	// shekar: the full Normalizer converts digits and removes diacritics
	// unless it is built with no steps.
	case "Normalizer":
		if v.Options != nil {
			return Options{}, ""
		}
		return full, ""
	case "DigitNormalizer":
		return Options{Digits: DigitsFa}, ""
	case "DiacriticRemover":
		return Options{StripDiacritics: true}, ""
	// go-persian-tools: both text functions remove diacritics.
	case "text.FixArabic", "text.Normalize":
		return Options{StripDiacritics: true}, ""
	case "digit.ToPersianDigits":
		return Options{Digits: DigitsFa}, ""
	case "digit.ToEnglishDigits":
		return Options{Digits: DigitsLatin}, ""
	// persian-tools.
	case "digitsEnToFa", "digitsArToEn|digitsEnToFa":
		return Options{Digits: DigitsFa}, ""
	case "digitsArToEn", "digitsFaToEn", "digitsArToFa|digitsFaToEn":
		return Options{Digits: DigitsLatin}, ""
	case "digitsEnToAr", "digitsFaToAr":
		return Options{}, "writes Arabic-Indic digits: no digit policy of ours does (the fa policies are keep, fa, latin)"
	}
	return Options{}, ""
}

// Rules of DESIGN.md that deviations follow, by key.
var designRules = map[string]string{
	"spacing":             "DESIGN.md has no spacing rule: runs of spaces, spaces at line ends and around punctuation are left as written (only an affix's space becomes a ZWNJ).",
	"digits-fa":           "`--digits fa` rewrites ASCII digits only in numbers that stand alone (not touching Latin letters).",
	"digits-latin":        "`--digits latin` turns Persian and Arabic-Indic digits into ASCII.",
	"ascii":               "Latin letters, URLs, e-mail addresses and ASCII numbers are never altered, and no DESIGN.md rule rewrites ASCII punctuation or quotes.",
	"arabic":              "ۀ, هٔ, ة, أ, ؤ, ئ are left as written; DESIGN.md maps only ي ى → ی and ك → ک (آ and ٱ are letters of their own).",
	"zwnj-keep":           "A ZWNJ between two letters is kept (whatever the letter before it).",
	"zwnj-space":          "A ZWNJ between two letters is kept; one that is not is dropped; none becomes a space.",
	"affix-list":          "Only می/نمی before a verb and ها/های/هایی after a word are joined, where typed with a space; DESIGN.md joins or splits no other pair (تر/ترین, بی, هم, ای, ام, compounds, بر).",
	"affix-nospace":       "Affixes are joined only where typed with a space; written without one they are left as written (میز and میدان start with می too).",
	"no-squash":           "DESIGN.md has no rule that removes repeated letters.",
	"nfkc":                "Presentation forms fold to their NFKC letters and a phrase ligature expands to its words (ﷺ → صلی الله علیه وسلم); no form is removed.",
	"letters":             "DESIGN.md maps only ي ى → ی and ك → ک; other Arabic-script letters (ڪ ێ ۃ ڱ …) are left as written.",
	"ezafe":               "DESIGN.md has no ezafe rule: ه ی, ه\u200cی and ۀ are left as written.",
	"affix-zwnj":          "An affix typed with a space gets a ZWNJ instead, whatever the letter before it (also after ا د ذ ر ز ژ و).",
	"digits-arabic-indic": "Arabic-Indic digits ٠-٩ become Persian ۰-۹ under keep and fa.",
	"no-nf":               "No Unicode normalization form is applied beyond the DESIGN.md rules (⒕ is not a presentation form and stays).",
}

// deviations lists, per vector, the key of the rule our output follows.
var deviations = map[string]string{
	"gpt-010": "zwnj-space", "gpt-011": "arabic", "gpt-012": "arabic", "gpt-013": "zwnj-space",
	"gpt-016": "arabic", "gpt-018": "digits-fa", "gpt-029": "zwnj-space",

	"hazm-001": "spacing,no-squash,affix-list,ascii", "hazm-002": "spacing", "hazm-004": "spacing",
	"hazm-005": "spacing", "hazm-006": "spacing", "hazm-007": "spacing", "hazm-008": "spacing",
	"hazm-015": "affix-nospace", "hazm-017": "spacing", "hazm-018": "spacing", "hazm-019": "spacing",
	"hazm-020": "spacing", "hazm-027": "nfkc", "hazm-030": "no-squash", "hazm-032": "no-squash",
	"hazm-033": "no-squash", "hazm-034": "ascii", "hazm-035": "ascii", "hazm-036": "ascii",
	"hazm-047": "affix-nospace", "hazm-061": "spacing", "hazm-062": "spacing", "hazm-065": "affix-nospace",
	"hazm-066": "spacing", "hazm-067": "no-squash", "hazm-069": "no-squash", "hazm-071": "ascii",
	"hazm-072": "ascii", "hazm-077": "ascii,spacing", "hazm-080": "spacing", "hazm-081": "spacing",
	"hazm-082": "ezafe", "hazm-085": "affix-list", "hazm-086": "affix-list",

	"pt-003": "spacing", "pt-006": "affix-list", "pt-007": "affix-list", "pt-009": "affix-list",
	"pt-010": "affix-list", "pt-012": "affix-list", "pt-014": "affix-list", "pt-015": "affix-list",
	"pt-016": "affix-list", "pt-017": "affix-list", "pt-018": "affix-list", "pt-020": "affix-list,spacing",
	"pt-024": "spacing", "pt-025": "affix-list", "pt-026": "affix-list", "pt-027": "affix-list",
	"pt-028": "affix-list", "pt-030": "affix-list", "pt-034": "affix-list", "pt-042": "digits-latin",
	"pt-048": "digits-arabic-indic",

	"shekar-001": "affix-nospace", "shekar-002": "affix-nospace", "shekar-003": "affix-nospace",
	"shekar-004": "spacing,affix-list,affix-zwnj", "shekar-005": "letters,spacing,affix-list,affix-nospace",
	"shekar-006": "affix-nospace,affix-list,spacing", "shekar-009": "ezafe", "shekar-011": "ezafe",
	"shekar-012": "spacing", "shekar-015": "zwnj-keep", "shekar-016": "spacing", "shekar-017": "spacing",
	"shekar-018": "no-nf", "shekar-020": "arabic", "shekar-027": "arabic", "shekar-028": "letters",
	"shekar-031": "ascii", "shekar-032": "ascii", "shekar-039": "no-squash", "shekar-043": "spacing",
	"shekar-044": "spacing", "shekar-045": "spacing", "shekar-046": "no-squash", "shekar-047": "no-squash",
	"shekar-053": "affix-nospace,affix-list,spacing", "shekar-054": "affix-list", "shekar-055": "affix-zwnj,affix-list",
	"shekar-056": "affix-list", "shekar-058": "spacing", "shekar-059": "spacing,affix-nospace",
	"shekar-060": "spacing", "shekar-062": "spacing", "shekar-065": "affix-nospace", "shekar-067": "affix-list",
	"shekar-072": "affix-list", "shekar-073": "affix-list", "shekar-074": "affix-list", "shekar-075": "affix-list",
	"shekar-076": "zwnj-space,affix-list", "shekar-077": "affix-list", "shekar-078": "affix-list",
	"shekar-079": "affix-list", "shekar-080": "affix-list", "shekar-081": "affix-list", "shekar-083": "affix-list",
	"shekar-088": "zwnj-keep", "shekar-089": "affix-list", "shekar-090": "affix-list", "shekar-091": "affix-list",
	"shekar-093": "affix-list", "shekar-095": "affix-list", "shekar-096": "affix-list", "shekar-097": "affix-list",
	"shekar-098": "affix-list", "shekar-099": "affix-nospace", "shekar-100": "affix-nospace",
	"shekar-101": "affix-nospace", "shekar-102": "ezafe", "shekar-103": "ezafe", "shekar-106": "ezafe",
	"shekar-107": "ezafe",
}

type result struct {
	v      vector
	opts   Options
	na     string
	got    string
	pass   bool
	expect string
}

func loadVectors(t *testing.T) []vector {
	dir := sharedDir(t, filepath.Join("conformance", "normalize"))
	files, err := filepath.Glob(filepath.Join(dir, "*.jsonl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no vectors in %s: %v", dir, err)
	}
	slices.Sort(files)
	var vs []vector
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(bytes.NewReader(data))
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			if len(bytes.TrimSpace(sc.Bytes())) == 0 {
				continue
			}
			var v vector
			if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
				t.Fatalf("%s: %v", f, err)
			}
			vs = append(vs, v)
		}
	}
	return vs
}

func runVectors(t *testing.T, preset Preset) []result {
	var rs []result
	for _, v := range loadVectors(t) {
		opts, na := policy(v)
		opts.Preset = preset
		r := result{v: v, opts: opts, na: na}
		if na == "" {
			r.expect = v.Expected.(string)
			n := New("fa", opts)
			r.got = n.String(v.Input.(string))
			r.pass = r.got == r.expect
			if again := n.String(r.got); again != r.got {
				t.Errorf("%s: not idempotent: %q then %q", v.ID, r.got, again)
			}
		}
		rs = append(rs, r)
	}
	return rs
}

func sourceOf(id string) string { return id[:strings.LastIndexByte(id, '-')] }

// hazmRules are the texts of the designRules keys that read otherwise
// under the hazm preset, and of the keys of hazmConflicts.
var hazmRules = map[string]string{
	"spacing":       "The hazm preset collapses runs of spaces, drops them at line ends and spaces punctuation only next to Arabic-script letters; other spacing (around numbers, Latin, quotes) is left as written.",
	"affix-list":    "Besides می/نمی before a verb and ها/های/هایی (and the spoken هاشون/هاتون), the hazm preset joins only ای/ام/ات/اش/ایم/اید/اند and ی after a final ه, تر/ترین, بر before a joined می, and بی before a noun of its lexicon (DESIGN.md); no other pair (هم, compounds), and تر/ترین with a ZWNJ.",
	"affix-nospace": "Typed without a space, the hazm preset splits only می/نمی from a verb that its lexicon knows (a stem and a personal ending, not an exception such as میدانی or میز), and ها/های… after a final ه or a noun of its lexicon; everything else is left as written.",
	"hazm-split":    "The hazm preset splits می/نمی from a verb typed joined to it where its lexicon knows the verb, as hazm's seperate_mi does (hazm-047); this vector keeps the joined form.",
}

// hazmConflicts are the vectors that pass under the default preset and
// contradict a convention of the hazm preset (another upstream expects the
// opposite), with the hazmRules key that the hazm output follows.
var hazmConflicts = map[string]string{"pt-031": "hazm-split"}

func TestConformance(t *testing.T) {
	var md bytes.Buffer
	md.WriteString("# Conformance of the fa normalizer\n\n")
	md.WriteString("Generated by `go test ./bidi -run TestConformance -update` from the vectors in\n")
	md.WriteString("`../shared/conformance/normalize/`; the test fails when this file and the\n")
	md.WriteString("normalizer disagree. Each vector runs through `New(\"fa\", opts)` with the options\n")
	md.WriteString("that match its upstream function (see `policy` in conformance_test.go): hazm\n")
	md.WriteString("`normalize`/`character_refinement` and shekar `Normalizer` with `Digits: DigitsFa,\n")
	md.WriteString("StripDiacritics: true`; digit functions with DigitsFa or DigitsLatin; diacritic\n")
	md.WriteString("removers with StripDiacritics; go-persian-tools `text.*` with StripDiacritics;\n")
	md.WriteString("everything else with the defaults; once with each preset (`Options.Preset`, the\n")
	md.WriteString("CLI's `--preset`). Strings below are Go-quoted (ZWNJ is `\\u200c`). The rules\n")
	md.WriteString("themselves are in [docs/normalization.md](../docs/normalization.md).\n")
	def := runVectors(t, PresetDefault)
	conformanceSection(t, &md, PresetDefault, def, nil)
	conformanceSection(t, &md, PresetHazm, runVectors(t, PresetHazm), def)

	md.WriteString("\n## Not applicable\n\n| vector | function | reason |\n| --- | --- | --- |\n")
	for _, r := range def {
		if r.na != "" {
			fmt.Fprintf(&md, "| %s | %s | %s |\n", r.v.ID, mdCell(r.v.Function), mdCell(r.na))
		}
	}
	used := map[string]bool{}
	for _, keys := range deviations {
		for _, k := range strings.Split(keys, ",") {
			used[k] = true
		}
	}
	for k := range designRules {
		if !used[k] {
			t.Errorf("rule %q is cited by no deviation", k)
		}
	}

	const file = "CONFORMANCE.md"
	if *update {
		if err := os.WriteFile(file, md.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	old, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test ./bidi -run TestConformance -update)", err)
	}
	if !bytes.Equal(old, md.Bytes()) {
		t.Errorf("%s is out of date: run go test ./bidi -run TestConformance -update and review the diff", file)
	}
}

// conformanceSection writes the counts and the deviations of one preset.
// Under the default preset every failing vector must be a listed deviation
// and every listed one must fail; under another, every failing vector must
// be listed, and none that passes under the default may fail (def).
func conformanceSection(t *testing.T, md *bytes.Buffer, preset Preset, rs, def []result) {
	type count struct{ pass, applicable, total int }
	bySource := map[string]*count{}
	byTag := map[string]*count{}
	var floor count
	add := func(m map[string]*count, k string, r result) {
		c := m[k]
		if c == nil {
			c = &count{}
			m[k] = c
		}
		c.total++
		if r.na == "" {
			c.applicable++
		}
		if r.pass {
			c.pass++
		}
	}
	for _, r := range rs {
		add(bySource, sourceOf(r.v.ID), r)
		for _, tag := range r.v.Tags {
			add(byTag, tag, r)
		}
		if slices.ContainsFunc(r.v.Tags, func(s string) bool { return slices.Contains(floorTags, s) }) {
			floor.total++
			if r.na == "" {
				floor.applicable++
			}
			if r.pass {
				floor.pass++
			}
		}
	}
	fmt.Fprintf(md, "\n## Preset %s\n\n", preset)
	md.WriteString("pass / applicable / total vectors.\n\n| source | pass | applicable | total |\n| --- | ---: | ---: | ---: |\n")
	for _, k := range sortedKeys(bySource) {
		c := bySource[k]
		fmt.Fprintf(md, "| %s | %d | %d | %d |\n", k, c.pass, c.applicable, c.total)
	}
	md.WriteString("\n| tag | pass | applicable | total |\n| --- | ---: | ---: | ---: |\n")
	for _, k := range sortedKeys(byTag) {
		c := byTag[k]
		fmt.Fprintf(md, "| %s | %d | %d | %d |\n", k, c.pass, c.applicable, c.total)
	}
	pct := 100 * float64(floor.pass) / float64(floor.total)
	pctApp := 100 * float64(floor.pass) / float64(floor.applicable)
	fmt.Fprintf(md, "\nFloor tags (%s): %d pass of %d applicable vectors (%.1f%%), of %d in all (%.1f%%).\n",
		strings.Join(floorTags, ", "), floor.pass, floor.applicable, pctApp, floor.total, pct)
	t.Logf("preset %s: floor tags %d/%d applicable pass (%.1f%%), %d/%d in all (%.1f%%)", preset, floor.pass, floor.applicable, pctApp, floor.pass, floor.total, pct)
	fmt.Fprintf(md, "\n### Deviations under %s\n\nVectors whose expected output contradicts a DESIGN.md rule; our output follows the rule.\n\n", preset)
	md.WriteString("| vector | function | input | expected upstream | our output | DESIGN.md rule |\n| --- | --- | --- | --- | --- | --- |\n")
	for i, r := range rs {
		key, listed := deviations[r.v.ID]
		hkey, conflict := hazmConflicts[r.v.ID]
		if preset == PresetHazm && conflict {
			key, listed = hkey, true
		}
		switch {
		case r.na != "":
			if listed {
				t.Errorf("%s is not applicable but listed as a deviation", r.v.ID)
			}
			continue
		case r.pass:
			if listed && (preset == PresetDefault || conflict) {
				t.Errorf("%s passes but is listed as a deviation (%s): remove it from deviations", r.v.ID, key)
			}
			continue
		case conflict && preset == PresetHazm && (def == nil || !def[i].pass):
			t.Errorf("%s is listed in hazmConflicts but does not pass under the default preset", r.v.ID)
			continue
		case def != nil && def[i].pass && !conflict:
			t.Errorf("%s passes under the default preset but fails under %s: got %q, want %q", r.v.ID, preset, r.got, r.expect)
			continue
		case !listed:
			t.Errorf("failing vector not listed in deviations: %s (%s): got %q, want %q", r.v.ID, r.v.Function, r.got, r.expect)
			continue
		}
		var keys []string
		for _, k := range strings.Split(key, ",") {
			rule, ok := designRules[k]
			if h, hok := hazmRules[k]; hok && preset == PresetHazm {
				rule, ok = h, true
			}
			if !ok {
				t.Errorf("%s: unknown rule key %q", r.v.ID, k)
			}
			keys = append(keys, rule)
		}
		fmt.Fprintf(md, "| %s | %s | %s | %s | %s | %s |\n", r.v.ID, mdCell(r.v.Function), mdq(r.v.Input.(string)), mdq(r.expect), mdq(r.got), mdCell(strings.Join(keys, " ")))
	}
}

func sortedKeys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// mdq quotes s as Go does, for a Markdown table cell.
func mdq(s string) string { return "`" + strings.ReplaceAll(strconv.Quote(s), "|", "\\|") + "`" }

func mdCell(s string) string { return strings.ReplaceAll(s, "|", "\\|") }
