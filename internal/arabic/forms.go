package arabic

import "iter"

//go:generate go run gen_tables.go

// The ranges of the Arabic presentation forms: Presentation Forms-A
// U+FB50–U+FDFF (without the noncharacters U+FDD0–U+FDEF) and Forms-B
// U+FE70–U+FEFC. The runes between them (U+FE00–U+FE6F) are not Arabic.
const (
	FormsFirst rune = 0xFB50
	FormsLast  rune = 0xFEFC
)

// Joining is the form a presentation form draws its letter in: the tag of
// its compatibility decomposition in UnicodeData.txt.
type Joining uint8

// The joining forms.
const (
	NoJoining Joining = iota // none: a plain letter (every presentation form has a tag)
	Isolated
	Final
	Initial
	Medial
)

// Form is the folding of a presentation form.
type Form struct {
	Text    string  // its NFKC expansion: a letter, a ligature's letters, or a phrase's words
	Base    rune    // the first rune of Text when it is in the Arabic block, else 0
	Joining Joining // the form it is drawn in
}

// Presentation returns the folding of r when r is an Arabic presentation
// form that has an NFKC decomposition; ok is false for any other rune. It
// inlines.
func Presentation(r rune) (f Form, ok bool) {
	if i := uint32(r - FormsFirst); i < uint32(len(forms)) {
		f = forms[i]
		return f, f.Text != ""
	}
	return Form{}, false
}

// Forms returns an iterator over the presentation forms that Presentation
// folds, in code point order.
func Forms() iter.Seq2[rune, Form] {
	return func(yield func(rune, Form) bool) {
		for i, f := range forms {
			if f.Text != "" && !yield(FormsFirst+rune(i), f) {
				return
			}
		}
	}
}
