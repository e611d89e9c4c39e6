// Package arabic is the one home of what the segment and bidi packages both
// know about Arabic-script text:
//
//   - the Arabic block U+0600–U+06FF, whose runes are the two-byte UTF-8
//     sequences with lead bytes D8–DB: [Starts] and [RuneAt] are the fast
//     path of both packages' loops over Persian and Arabic text;
//   - the bidi controls that right-to-left text carries ([IsBidiControl]);
//   - the Arabic presentation forms with their NFKC folding, the letter
//     they start with and their joining form ([Presentation], [Forms]),
//     from one generated table (go generate: gen_tables.go, from
//     golang.org/x/text/unicode/norm and the UCD's UnicodeData.txt).
//
// Layering: arabic is a leaf. It imports nothing of this module; segment and
// bidi import it and internal/keyset (their word tables) and nothing else
// of the module, and never each other nor anything of the command line. Being internal, it is no API of its own:
// what it knows reaches users through segment and bidi.
package arabic
