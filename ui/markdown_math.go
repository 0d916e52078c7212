package ui

// LaTeX math as readable Unicode text: Greek letters and symbols by their
// characters, super- and subscripts by Unicode's where it has them (else
// ^(…) and _(…)), \frac{a}{b} as a/b, \sqrt{x} as √x, font commands
// dropped. It is a reading aid, not a typesetter.

import (
	"strings"
	"unicode/utf8"
)

// latexSymbols maps LaTeX commands to text.
var latexSymbols = map[string]string{
	"alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
	"zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
	"lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "varpi": "ϖ", "rho": "ρ",
	"varrho": "ϱ", "sigma": "σ", "varsigma": "ς", "tau": "τ", "upsilon": "υ", "phi": "ϕ",
	"varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
	"Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
	"Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
	"sum": "∑", "prod": "∏", "int": "∫", "iint": "∬", "oint": "∮", "partial": "∂",
	"nabla": "∇", "infty": "∞", "pm": "±", "mp": "∓", "times": "×", "div": "÷",
	"cdot": "·", "cdots": "⋯", "ldots": "…", "dots": "…", "vdots": "⋮", "ddots": "⋱",
	"le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠", "approx": "≈",
	"equiv": "≡", "sim": "∼", "simeq": "≃", "propto": "∝", "ll": "≪", "gg": "≫",
	"to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒", "Leftarrow": "⇐",
	"leftrightarrow": "↔", "Leftrightarrow": "⇔", "mapsto": "↦", "implies": "⇒", "iff": "⇔",
	"in": "∈", "notin": "∉", "subset": "⊂", "subseteq": "⊆", "supset": "⊃", "supseteq": "⊇",
	"cup": "∪", "cap": "∩", "emptyset": "∅", "varnothing": "∅", "forall": "∀", "exists": "∃",
	"neg": "¬", "land": "∧", "lor": "∨", "wedge": "∧", "vee": "∨", "oplus": "⊕", "otimes": "⊗",
	"circ": "∘", "ast": "∗", "star": "⋆", "dagger": "†", "perp": "⊥", "parallel": "∥",
	"angle": "∠", "degree": "°", "prime": "′", "hbar": "ℏ", "ell": "ℓ", "Re": "ℜ", "Im": "ℑ",
	"aleph": "ℵ", "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈",
	"rceil": "⌉", "vert": "|", "Vert": "‖", "mid": "|", "lbrace": "{", "rbrace": "}",
	"{": "{", "}": "}", "$": "$", "%": "%", "&": "&", "#": "#", "_": "_",
	",": " ", ";": " ", ":": " ", "!": "", " ": " ", "quad": "  ", "qquad": "    ",
	"left": "", "right": "", "big": "", "Big": "", "bigg": "", "Bigg": "", "displaystyle": "",
	"sin": "sin", "cos": "cos", "tan": "tan", "log": "log", "ln": "ln", "exp": "exp",
	"min": "min", "max": "max", "lim": "lim", "det": "det", "arg": "arg", "sup": "sup", "inf": "inf",
	"\\": "\n",
}

// latexBlackboard maps \mathbb letters.
var latexBlackboard = map[rune]string{'R': "ℝ", 'N': "ℕ", 'Z': "ℤ", 'Q': "ℚ", 'C': "ℂ", 'E': "𝔼", 'P': "ℙ"}

var (
	superscripts = map[rune]rune{'0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶',
		'7': '⁷', '8': '⁸', '9': '⁹', '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', 'n': 'ⁿ',
		'i': 'ⁱ', 'T': 'ᵀ', 'k': 'ᵏ', 'j': 'ʲ', 'x': 'ˣ', 'a': 'ᵃ', 'b': 'ᵇ', 'c': 'ᶜ', 'd': 'ᵈ',
		'e': 'ᵉ', 'm': 'ᵐ', 'p': 'ᵖ', 't': 'ᵗ', '*': '*', '′': '′', '−': '⁻'}
	subscripts = map[rune]rune{'0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆',
		'7': '₇', '8': '₈', '9': '₉', '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎', 'a': 'ₐ',
		'e': 'ₑ', 'i': 'ᵢ', 'j': 'ⱼ', 'k': 'ₖ', 'n': 'ₙ', 'm': 'ₘ', 'o': 'ₒ', 'x': 'ₓ', 't': 'ₜ',
		'p': 'ₚ', 's': 'ₛ', 'r': 'ᵣ', 'l': 'ₗ', 'h': 'ₕ', 'u': 'ᵤ', 'v': 'ᵥ', '−': '₋'}
)

// latexText renders LaTeX math as text.
func latexText(s string) string {
	p := &mathParser{s: s}
	return strings.TrimSpace(p.sequence(false))
}

type mathParser struct {
	s string
	i int
}

// sequence converts up to the end, or to the closing brace of a group.
func (p *mathParser) sequence(group bool) string {
	var b strings.Builder
	for p.i < len(p.s) {
		if group && p.s[p.i] == '}' {
			p.i++
			return b.String()
		}
		b.WriteString(p.item())
	}
	return b.String()
}

// item converts one token: a command with its arguments, a group, a
// script, or a character.
func (p *mathParser) item() string {
	c := p.s[p.i]
	switch c {
	case '{':
		p.i++
		return p.sequence(true)
	case '}':
		p.i++
		return ""
	case '^', '_':
		p.i++
		return script(p.arg(), c == '^')
	case '\\':
		return p.command()
	case '~':
		p.i++
		return " "
	case '-':
		p.i++
		return "−"
	}
	r, n := utf8.DecodeRuneInString(p.s[p.i:])
	p.i += n
	return string(r)
}

// arg converts the next argument: a group, a command, or one character,
// spaces before it skipped.
func (p *mathParser) arg() string {
	for p.i < len(p.s) && p.s[p.i] == ' ' {
		p.i++
	}
	if p.i >= len(p.s) {
		return ""
	}
	return p.item()
}

// command converts a command at p.i (a backslash).
func (p *mathParser) command() string {
	p.i++
	start := p.i
	for p.i < len(p.s) && isLetter(p.s[p.i]) {
		p.i++
	}
	if p.i == start && p.i < len(p.s) { // \{ \, \\ and the like
		p.i++
	}
	name := p.s[start:p.i]
	switch name {
	case "frac", "dfrac", "tfrac", "binom":
		a, b := p.arg(), p.arg()
		if name == "binom" {
			return "C(" + a + ", " + b + ")"
		}
		return wrapTerm(a) + "/" + wrapTerm(b)
	case "sqrt":
		if p.i < len(p.s) && p.s[p.i] == '[' {
			end := strings.IndexByte(p.s[p.i:], ']')
			if end > 0 {
				n := latexText(p.s[p.i+1 : p.i+end])
				p.i += end + 1
				return script(n, true) + "√" + wrapTerm(p.arg())
			}
		}
		return "√" + wrapTerm(p.arg())
	case "mathbb":
		a := p.arg()
		var b strings.Builder
		for _, r := range a {
			if s, ok := latexBlackboard[r]; ok {
				b.WriteString(s)
			} else {
				b.WriteRune(r)
			}
		}
		return b.String()
	case "text", "textrm", "textbf", "textit", "mathrm", "mathbf", "mathit", "mathsf", "mathtt",
		"mathcal", "boldsymbol", "operatorname", "mbox", "emph":
		return p.arg()
	case "hat", "bar", "vec", "tilde", "dot", "ddot", "overline", "widehat", "widetilde":
		marks := map[string]string{"hat": "\u0302", "widehat": "\u0302", "bar": "\u0304", "overline": "\u0305",
			"vec": "\u20d7", "tilde": "\u0303", "widetilde": "\u0303", "dot": "\u0307", "ddot": "\u0308"}
		a := p.arg()
		if utf8.RuneCountInString(a) == 1 {
			return a + marks[name]
		}
		return name + "(" + a + ")"
	case "begin", "end":
		p.arg() // the environment's name
		return ""
	}
	if s, ok := latexSymbols[name]; ok {
		return s
	}
	return name
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// wrapTerm puts a term in parentheses unless it is one symbol or number.
func wrapTerm(s string) string {
	s = strings.TrimSpace(s)
	simple := true
	for _, r := range s {
		if !(r == '.' || '0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r > 0x7f && r != '−') {
			simple = false
			break
		}
	}
	if simple && s != "" {
		return s
	}
	return "(" + s + ")"
}

// script writes s as a superscript (up) or subscript, in Unicode's
// characters when it has them all, else as ^(s) or _(s).
func script(s string, up bool) string {
	table, mark := subscripts, "_"
	if up {
		table, mark = superscripts, "^"
	}
	var b strings.Builder
	for _, r := range s {
		t, ok := table[r]
		if !ok {
			if utf8.RuneCountInString(s) == 1 {
				return mark + s
			}
			return mark + "(" + s + ")"
		}
		b.WriteRune(t)
	}
	return b.String()
}
