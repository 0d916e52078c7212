package gen

import (
	. "github.com/mmcloughlin/avo/build"
	. "github.com/mmcloughlin/avo/operand"
	. "github.com/mmcloughlin/avo/reg"
)

// Unroll is how many vectors a step of the unrolled loops takes.
const Unroll = 4

// UnrolledLoop emits the loops over n elements, lanes to a vector: steps
// of Unroll vectors while they fit (label prefix_loop4), then single
// vectors while they fit (prefix_loop1), then a jump to the label exit
// with fewer than lanes elements left. body emits vector u of a step;
// advance moves the pointers on by k vectors. n counts down.
func UnrolledLoop(prefix string, n Register, lanes int, exit string, body func(u int), advance func(k int)) {
	Label(prefix + "_loop4")
	CMPQ(n, U32(Unroll*lanes))
	JL(LabelRef(prefix + "_loop1"))
	for u := 0; u < Unroll; u++ {
		body(u)
	}
	advance(Unroll)
	SUBQ(U32(Unroll*lanes), n)
	JMP(LabelRef(prefix + "_loop4"))

	Label(prefix + "_loop1")
	CMPQ(n, U32(lanes))
	JL(LabelRef(exit))
	body(0)
	advance(1)
	SUBQ(U32(lanes), n)
	JMP(LabelRef(prefix + "_loop1"))
}

// BlockLoop emits: for i := 0; i < blk; i += 8 { add(0); advance(1) },
// four steps at a time while they fit (add(u) then emits step u of the
// four), and ends at the label name_fold. advance moves pointers on by k
// steps; nil when there are none to move.
func BlockLoop(name string, i, blk Register, add func(u int), advance func(k int)) {
	end := GP64()
	Label(name + "_add4")
	LEAQ(Mem{Base: i, Disp: 32}, end)
	CMPQ(end, blk)
	JG(LabelRef(name + "_add1"))
	for u := 0; u < 4; u++ {
		add(u)
	}
	if advance != nil {
		advance(4)
	}
	MOVQ(end, i)
	JMP(LabelRef(name + "_add4"))
	Label(name + "_add1")
	CMPQ(i, blk)
	JGE(LabelRef(name + "_fold"))
	add(0)
	if advance != nil {
		advance(1)
	}
	ADDQ(U32(8), i)
	JMP(LabelRef(name + "_add1"))
	Label(name + "_fold")
}

// FlaggedLoop emits the loop of a kernel that takes n elements a vector of
// lanes at a time, and its return: body emits one vector from srcP to
// dstP, which then move on by bytes; the kernel returns whether some lane
// of the mask bad is set. Its labels are prefix_loop and prefix_done.
func FlaggedLoop(v ISA, prefix string, srcP, dstP, n Register, lanes, bytes int, bad Register, body func()) {
	Label(prefix + "_loop")
	CMPQ(n, Imm(uint64(lanes)))
	JL(LabelRef(prefix + "_done"))
	body()
	ADDQ(Imm(uint64(bytes)), srcP)
	ADDQ(Imm(uint64(bytes)), dstP)
	SUBQ(Imm(uint64(lanes)), n)
	JMP(LabelRef(prefix + "_loop"))

	Label(prefix + "_done")
	ret := GP8()
	v.SetIfAny(bad, ret)
	Store(ret, ReturnIndex(0))
	VZEROUPPER()
	RET()
}

// EachBlock emits a kernel's outer loop over k blocks and its return:
// for ; k != 0; k-- { i = 0; block() }. Its labels are name_block and
// name_done.
func EachBlock(name string, k, i Register, block func()) {
	Label(name + "_block")
	TESTQ(k, k)
	JZ(LabelRef(name + "_done"))
	XORQ(i, i)
	block()
	DECQ(k)
	JMP(LabelRef(name + "_block"))

	Label(name + "_done")
	VZEROUPPER()
	RET()
}
