package segment

import "testing"

func TestInlineTagEnd(t *testing.T) {
	for _, c := range []struct {
		text string
		end  int // 0: no tag
	}{
		{"<i>x", 3}, {"</i>x", 4}, {"<BR/>x", 5}, {"<br />", 6}, {"</FONT>", 7},
		{`<font color="#ff0">x`, 19}, {`<span class="a>b">x`, 18}, {"<font color=red>", 16},
		{"<b and c>", 0},                         // attributes without a value: text
		{"<bdi>x", 0},                            // not an inline formatting element of the list
		{"<file>", 0},                            // a placeholder
		{"<i", 0},                                // no end
		{"<i\n>", 0},                             // not on one line
		{"<b>" + "", 3},                          // the shortest
		{"< i>", 0},                              // no name right after '<'
		{`<font color="#ff0>`, 0},                // an open quote runs to the end
		{"<font color=\"a\nb\">x", 0},            // a quoted value is on one line too
		{"<i\v>", 0}, {"<i\f>", 0}, {"<i\r>", 0}, // every line break ends the line
		{"<i\u0085>", 0}, {"<i\u2028>", 0}, {"<i\u2029>", 0},
		{"<font color=\"\u2020\u00ac\">x", 20}, // bytes E2 and C2 that start no break
	} {
		if got := inlineTagEnd([]byte(c.text), 1, len(c.text)); got != c.end {
			t.Errorf("inlineTagEnd(%q) = %d, want %d", c.text, got, c.end)
		}
	}
}
