package record

import (
	"cmp"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"
)

// KindDoc is the Kind of a document summary record.
const KindDoc = "doc"

// MixedShare is the share of a document's letters that a second language
// must hold for the document to be Mixed: 5%, as a fraction 1/MixedShare.
const MixedShare = 20

// Doc is the summary record of one document (--doc-summary), written after
// the document's blocks: what document-level pipelines filter on. Its
// counts cover every block of the document, also those that --langs
// leaves out.
type Doc struct {
	Source   string           `json:"source"`              // as in Record
	Kind     string           `json:"kind"`                // KindDoc
	RecordID string           `json:"record_id,omitempty"` // as in Record
	Blocks   int              `json:"blocks"`              // the document's blocks
	Bytes    map[string]int64 `json:"bytes"`               // per language: bytes of the decoded text
	Letters  map[string]int64 `json:"letters"`             // per language: letters (Unicode category L)
	// Mixed is true when a language other than the one with the most
	// letters holds at least 5% of the document's letters.
	Mixed bool `json:"mixed"`
}

// DocCounter adds up a document's blocks for its Doc record. The zero
// value is ready; Reset starts the next document.
type DocCounter struct {
	blocks  int
	bytes   map[string]int64
	letters map[string]int64
}

// Reset forgets the counts.
func (c *DocCounter) Reset() {
	c.blocks = 0
	clear(c.bytes)
	clear(c.letters)
}

// Add counts one block of lang whose decoded text is raw.
func (c *DocCounter) Add(lang string, raw []byte) {
	if c.bytes == nil {
		c.bytes, c.letters = map[string]int64{}, map[string]int64{}
	}
	c.blocks++
	c.bytes[lang] += int64(len(raw))
	c.letters[lang] += int64(letters(raw))
}

// Doc returns the summary of the blocks added since the last Reset. Its
// maps are the counter's: valid until the next Add or Reset.
func (c *DocCounter) Doc(source, recordID string) Doc {
	if c.bytes == nil {
		c.bytes, c.letters = map[string]int64{}, map[string]int64{}
	}
	d := Doc{Source: source, Kind: KindDoc, RecordID: recordID, Blocks: c.blocks, Bytes: c.bytes, Letters: c.letters}
	var total int64
	counts := make([]int64, 0, len(c.letters))
	for _, n := range c.letters {
		total += n
		counts = append(counts, n)
	}
	if len(counts) >= 2 {
		slices.SortFunc(counts, func(a, b int64) int { return cmp.Compare(b, a) })
		d.Mixed = counts[1] > 0 && counts[1]*MixedShare >= total
	}
	return d
}

// letters counts the letters of the UTF-8 text b.
func letters(b []byte) int {
	n := 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c|0x20 >= 'a' && c|0x20 <= 'z' {
				n++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if unicode.IsLetter(r) {
			n++
		}
		i += size
	}
	return n
}

// AppendJSON appends d as one JSON object and a newline to dst, as
// encoding/json would (map keys sorted).
func (d *Doc) AppendJSON(dst []byte) []byte {
	dst = appendStringField(dst, `{"source":`, d.Source)
	dst = appendStringField(dst, `,"kind":`, d.Kind)
	if d.RecordID != "" {
		dst = appendStringField(dst, `,"record_id":`, d.RecordID)
	}
	dst = appendIntField(dst, `,"blocks":`, int64(d.Blocks))
	dst = append(dst, `,"bytes":`...)
	dst = appendCounts(dst, d.Bytes)
	dst = append(dst, `,"letters":`...)
	dst = appendCounts(dst, d.Letters)
	dst = append(dst, `,"mixed":`...)
	dst = strconv.AppendBool(dst, d.Mixed)
	return append(dst, "}\n"...)
}

// appendCounts appends m as a JSON object with sorted keys.
func appendCounts(dst []byte, m map[string]int64) []byte {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	dst = append(dst, '{')
	for i, k := range keys {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendString(dst, k)
		dst = append(dst, ':')
		dst = strconv.AppendInt(dst, m[k], 10)
	}
	return append(dst, '}')
}
