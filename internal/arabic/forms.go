package arabic

import "iter"

//go:generate go run gen_tables.go

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
