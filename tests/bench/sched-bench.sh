#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The scheduler's benchmark, run inside the debug VM by `make bench` after
# work-bench.sh (scripts/vm-run tests/bench/sched-bench.sh). In one run:
#
#   - switching: the whole stack with four vGPUs, each driven through VFIO
#     by `tests/tools/nvvgpu-work --compute-ns` with bursts that keep its
#     GR0 queue full. For base slices of 1, 2 and 10 ms, and 100 ms (the
#     longest, as the baseline: hardly any switching) in turn, in
#     NVVGPU_BENCH_SWITCH_ROUNDS rounds (default 2), the sim's per-function
#     GR0 counters (debugfs sim/0/engines) are read before and after a
#     window of NVVGPU_BENCH_WINDOW seconds (default 1), and the wall time
#     between. Summed per slice length, the share of engine time lost to
#     switching is that of the context switches (ctxsw_ns), of the time
#     channels took to yield once told to (preempt_ns, part of busy_ns) and
#     of the time the engine sat idle while every vGPU had work (wall -
#     busy - ctxsw). Useful time (busy - preempt) is compared with the
#     baseline's.
#   - the decision and the tracepoints: nvvgpu_sched_bench.ko (sched/tests/,
#     DOC: scheduler benchmark), loaded once the stack is gone: ns per
#     nvvgpu_sched_decide() for 1, 8, 32 and 256 vGPUs under each policy
#     with the ratio 256/8 (target: at most 2x), and the decision loop with
#     the tracepoints of a switch disabled against the loop without them
#     (target: at most 1.01); then, for information, with them enabled.
#
# Everything printed is also written to $NVVGPU_VM_OUT/bench-sched.txt.
# NVVGPU_BENCH_SLICES_US (default "1000 2000 10000"; the baseline comes
# last) and the two above change the switching part. Exit status 1 if the
# stack or the benchmark module does not load, a tool does not end with
# "result: ok", a window saw a vGPU without work, or a vGPU cannot be
# removed; the ratios are reported whatever they are and do not fail the run.
set -u
. "$(dirname "$0")/../vm/lib.sh"
[[ ${NVVGPU_VM-} == 1 ]] || { echo "sched-bench: run me in the VM (make bench)"; exit 2; }

NVGPU=4
UUIDS=()
for i in $(seq 1 $NVGPU); do
	UUIDS+=("9c0d2a61-4b1e-4f3a-8d55-0000000bc00$i")
done
WORK=$NV_MODDIR/tools/nvvgpu-work
BENCH_KO=$NV_MODDIR/sched/tests/nvvgpu_sched_bench.ko
BENCH_DIR=/sys/kernel/debug/nvvgpu_sched_bench
BENCH_EVENTS=/sys/kernel/tracing/events/nvvgpu_sched_bench
SIM=/sys/kernel/debug/nvvgpu/sim/0
# a burst of 32 launches of 1 ms (each 10 preemptible quanta of 100 us):
# 32 ms of GR0 work per doorbell, so that a vGPU's queue seldom runs dry.
# Under TCG a quantum's timer takes about ten times as long, and four vGPUs
# share the engine: a burst may take seconds, hence the tools' timeout.
COMPUTE_NS=1000000
BURST=32
TOOL_TIMEOUT_MS=30000
WINDOW=${NVVGPU_BENCH_WINDOW:-1}
SWITCH_ROUNDS=${NVVGPU_BENCH_SWITCH_ROUNDS:-2}
SETTLE=0.5
read -ra SLICES <<<"${NVVGPU_BENCH_SLICES_US:-1000 2000 10000}"
BASELINE=100000
SLICES+=("$BASELINE")
TMP=$(mktemp -d /tmp/nvvgpu-sched-bench.XXXXXX)
OUT=$TMP/out
: >"$OUT"
trap 'rm -rf "$TMP"' EXIT
START=${EPOCHREALTIME/./}

# seconds since the start, for the phase times
elapsed() { echo $(((${EPOCHREALTIME/./} - START) / 1000000)); }

# print and keep for $NVVGPU_VM_OUT/bench-sched.txt (builtins only: under
# TCG every exec costs a fraction of a second)
say() {
	printf '%s\n' "$@"
	printf '%s\n' "$@" >>"$OUT"
}

save_out() {
	[[ -n ${NVVGPU_VM_OUT-} ]] && cp "$OUT" "$NVVGPU_VM_OUT/bench-sched.txt"
	return 0
}

remove_vgpus() {
	local u rc=0

	for u in "${UUIDS[@]}"; do
		[[ -e /sys/bus/mdev/devices/$u ]] || continue
		nv_write "/sys/bus/mdev/devices/$u/remove" 1 ||
			{ echo "sched-bench: could not remove vGPU $u"; rc=1; }
	done
	return $rc
}

die() {
	say "sched-bench: $*"
	remove_vgpus
	nv_unload_all
	[[ -d /sys/module/nvvgpu_sched_bench ]] && rmmod nvvgpu_sched_bench
	save_out
	exit 1
}

# pct VAR NUM DEN: VAR="12.34", NUM / DEN in percent
pct() {
	local bp=$(($3 > 0 ? $2 * 10000 / $3 : 0)) s=''

	((bp < 0)) && s=- && bp=$((-bp))
	printf -v "$1" '%s%d.%02d' "$s" $((bp / 100)) $((bp % 100))
}

# ratio VAR NUM DEN: VAR="0.93", NUM / DEN
ratio() {
	local r=$(($3 > 0 ? $2 * 100 / $3 : 0))

	printf -v "$1" '%d.%02d' $((r / 100)) $((r % 100))
}

# One reading of the GR0 counters per function, with the wall clock (us)
# and the scheduler's switch count, without forking: S_T, S_SW and the
# arrays S_B (busy_ns), S_P (preempt_ns), S_C (ctxsw_ns) indexed by GFID.
sample() {
	local line eng='' t0 t1 f
	local -a lines

	t0=${EPOCHREALTIME/./}
	mapfile -t lines <"$SIM/engines"
	t1=${EPOCHREALTIME/./}
	read -r S_SW <"$SCHED/switches"
	S_T=$(((t0 + t1) / 2))
	S_B=() S_P=() S_C=()
	for line in "${lines[@]}"; do
		if [[ $line =~ ^engine\ ([a-z0-9]+) ]]; then
			eng=${BASH_REMATCH[1]}
			continue
		fi
		[[ $eng == gr0 && $line =~ gfid\ ([0-9]+)\ busy_ns=([0-9]+).*\ preempt_ns=([0-9]+)\ ctxsw_ns=([0-9]+) ]] ||
			continue
		f=${BASH_REMATCH[1]}
		S_B[f]=${BASH_REMATCH[2]}
		S_P[f]=${BASH_REMATCH[3]}
		S_C[f]=${BASH_REMATCH[4]}
	done
}

# pause SECONDS: sleep(1) without an exec, on a FIFO nobody writes to
mkfifo "$TMP/never"
exec 7<>"$TMP/never"
pause() { read -rt "$1" -u 7 || true; }

# the functions that have run GR0 work so far
busy_functions() {
	sample
	echo "${#S_B[@]}"
}

[[ -x $WORK ]] || die "no $WORK (scripts/build-vm-modules builds it)"
[[ -f $BENCH_KO ]] || die "no $BENCH_KO (scripts/build-vm-modules builds it)"

# --- switching loss on the real stack ---------------------------------------
for m in core sim gsp mm sched vfio; do
	nv_load $m || die "could not load $m"
done
SCHED=/sys/devices/platform/nvvgpu_sim.0/nvvgpu_sched
[[ -d $SCHED ]] || die "no $SCHED"
T=$(nv_type_most_available)
[[ -n $T ]] || die "no nvvgpu mdev type"
(($(cat "$T/available_instances") >= NVGPU)) ||
	die "type ${T##*/} allows fewer than $NVGPU vGPUs"
for u in "${UUIDS[@]}"; do
	nv_write "$T/create" "$u" || die "could not create a vGPU of ${T##*/}"
done
T_STACK=$(elapsed)
POLICY=$(cat "$SCHED/policy")
CTXSW_US=$(cat "$SIM/ctxsw_us")

# the tools run until the last window is over, with room for their start
tool_secs=$(awk -v n=$((${#SLICES[@]} * SWITCH_ROUNDS)) -v w="$WINDOW" \
	-v s="$SETTLE" 'BEGIN { printf "%.1f", n * (w + s + 1) + 8 }')
PIDS=()
for i in "${!UUIDS[@]}"; do
	"$WORK" "${UUIDS[i]}" --compute-ns $COMPUTE_NS --burst $BURST \
		--timeout-ms $TOOL_TIMEOUT_MS --seconds "$tool_secs" \
		>"$TMP/work$i" 2>&1 &
	PIDS+=($!)
done

# until each vGPU has run GR0 work
for _ in $(seq 150); do
	(($(busy_functions) >= NVGPU)) && break
	pause 0.2
done
(($(busy_functions) >= NVGPU)) || {
	for i in "${!PIDS[@]}"; do wait "${PIDS[i]}"; done
	die "not every vGPU got to run work within 30 s"
}

T_READY=$(elapsed)
# $SWITCH_ROUNDS rounds over the slice lengths, a window of $WINDOW s for
# each in each round, summed per slice length: each sees the same drift of
# the host's load
declare -A W=() B=() P=() C=() SW=()
valid=1
for ((round = 0; round < SWITCH_ROUNDS; round++)); do
	for us in "${SLICES[@]}"; do
		nv_write "$SCHED/timeslice_us" "$us" ||
			die "could not set timeslice_us $us"
		pause "$SETTLE"
		sample
		a_t=$S_T a_sw=$S_SW
		a_b=() a_p=() a_c=()
		for f in "${!S_B[@]}"; do
			a_b[f]=${S_B[f]} a_p[f]=${S_P[f]} a_c[f]=${S_C[f]}
		done
		pause "$WINDOW"
		sample
		# every tool must still be running, and every vGPU have run
		for p in "${PIDS[@]}"; do
			kill -0 "$p" 2>/dev/null || valid=0
		done
		ran=0
		for f in "${!S_B[@]}"; do
			((f == 0)) && continue
			d=$((S_B[f] - ${a_b[f]:-0}))
			((d > 0)) && ran=$((ran + 1))
			B[$us]=$((${B[$us]:-0} + d))
			P[$us]=$((${P[$us]:-0} + S_P[f] - ${a_p[f]:-0}))
			C[$us]=$((${C[$us]:-0} + S_C[f] - ${a_c[f]:-0}))
		done
		((ran >= NVGPU)) || valid=0
		W[$us]=$((${W[$us]:-0} + (S_T - a_t) * 1000))
		SW[$us]=$((${SW[$us]:-0} + S_SW - a_sw))
	done
done
ROWS=()
for us in "${SLICES[@]}"; do
	wall=${W[$us]} busy=${B[$us]:-0} pre=${P[$us]:-0} ctx=${C[$us]:-0}
	idle=$((wall - busy - ctx))
	((idle < 0)) && idle=0
	ROWS+=("$us $wall $busy $pre $ctx $idle $((ctx + pre + idle)) ${SW[$us]}")
done

T_WINDOWS=$(elapsed)
RC=0
for i in "${!PIDS[@]}"; do
	wait "${PIDS[i]}" || RC=1
done
T_TOOLS=$(elapsed)
for i in "${!PIDS[@]}"; do
	echo "# nvvgpu-work on vGPU $((i + 1)):"
	r=''
	while IFS= read -r line; do
		[[ $line =~ ^(jobs|gpu_ns|errors|lost_interrupts|result):\ (.*) ]] ||
			continue
		echo "#   $line"
		[[ ${BASH_REMATCH[1]} == result ]] && r=${BASH_REMATCH[2]}
	done <"$TMP/work$i"
	[[ $r == ok ]] || { RC=1; say "sched-bench: vGPU $((i + 1)): result ${r:-missing}"; }
done

say "sched bench: switching, $NVGPU vGPUs (${T##*/}) each with bursts of $BURST x $((COMPUTE_NS / 1000)) us GR0 compute queued, policy $POLICY, sim ctxsw_us $CTXSW_US, $SWITCH_ROUNDS rounds of ${WINDOW} s windows"
row() {
	printf -v line '%-18s %9s %11s %11s %7s %8s %7s %7s %8s %11s' "$@"
	say "$line"
}
row "base slice" "switch/s" "ctxsw us/sw" "yield us/sw" \
	"ctxsw%" "preempt%" "idle%" "lost%" "useful%" "useful/base"
read -r _ bwall bbusy bpre _ <<<"${ROWS[-1]}"
base_useful=$(((bbusy - bpre) * 10000 / (bwall > 0 ? bwall : 1)))
p_ctx='' p_pre='' p_idle='' p_lost='' p_useful='' r_base=''
for r in "${ROWS[@]}"; do
	read -r us wall busy pre ctx idle lost sw <<<"$r"
	name="$((us / 1000)) ms"
	((us == BASELINE)) && name="$name (baseline)"
	useful=$(((busy - pre) * 10000 / (wall > 0 ? wall : 1)))
	pct p_ctx "$ctx" "$wall"
	pct p_pre "$pre" "$wall"
	pct p_idle "$idle" "$wall"
	pct p_lost "$lost" "$wall"
	pct p_useful "$((busy - pre))" "$wall"
	ratio r_base "$useful" "$base_useful"
	row "$name" $((wall > 0 ? sw * 1000000000 / wall : 0)) \
		$((sw > 0 ? ctx / sw / 1000 : 0)) $((sw > 0 ? pre / sw / 1000 : 0)) \
		"$p_ctx" "$p_pre" "$p_idle" "$p_lost" "$p_useful" "${r_base}x"
done
say "lost = ctxsw (the modelled context save/restore) + preempt (told to yield until it did) + idle (the engine ran nothing while every vGPU had work queued), over wall time; useful = busy - preempt; per switch: of the scheduler's changes of owner"
((valid)) || { RC=1; say "sched-bench: a window is not valid: a tool had ended or a vGPU ran nothing in it (raise the tools' --seconds?)"; }

remove_vgpus || RC=1
nv_unload_all
T_UNLOAD=$(elapsed)

# --- the decision and the tracepoints, without the stack ----------------------
insmod "$BENCH_KO" || die "could not load $BENCH_KO"
cat "$BENCH_DIR/run" >"$TMP/run" || die "the benchmark module's run failed"
mapfile -t lines <"$TMP/run"
say "${lines[@]}"
if [[ -d $BENCH_EVENTS ]]; then
	echo 1 >"$BENCH_EVENTS/enable"
	if cat "$BENCH_DIR/trace" >"$TMP/trace"; then
		mapfile -t lines <"$TMP/trace"
		say "for information, with the events enabled:" "${lines[@]:2}"
	else
		RC=1
		say "sched-bench: the tracepoint part with the events enabled failed"
	fi
	echo 0 >"$BENCH_EVENTS/enable"
	echo >/sys/kernel/tracing/trace
fi
rmmod nvvgpu_sched_bench || RC=1
say "sched-bench: $(elapsed) s: stack loaded and vGPUs created at $T_STACK s, all four at work at $T_READY s, windows done at $T_WINDOWS s, tools done at $T_TOOLS s, stack gone at $T_UNLOAD s"
save_out
exit $RC
