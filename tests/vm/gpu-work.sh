#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Two guests at work on one pgpu: two vGPUs, each driven through VFIO by
# tests/tools/nvvgpu-work as a VMM's guest driver would (reset, BAR1 mmap,
# MSI-X or MSI, channels over the plugin mailbox, doorbells), run at once:
# a compute duty cycle on GR0 on one, a stream of verified CE copies on the
# other. Both must finish with result ok, jobs and interrupts > 0, exactly
# one interrupt per job not lost, every copy verified, and their own FB
# outside their work area unchanged by the other (a guard pattern written
# at start and idle regions checksummed, checked at the end). Then an
# injected lost interrupt is found by polling and counted, once.
set -u
. "$(dirname "$0")/lib.sh"
[[ ${NVVGPU_VM-} == 1 ]] || { echo "gpu-work: run me in the VM (scripts/vm-run)"; exit 2; }

U1=9c0d2a61-4b1e-4f3a-8d55-0000000c0001
U2=9c0d2a61-4b1e-4f3a-8d55-0000000c0002
WORK=$NV_MODDIR/tools/nvvgpu-work
MD=/sys/bus/mdev/devices
TMP=$(mktemp -d /tmp/nvvgpu-work.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
COMPUTE_NS=300000

# wm FILE KEY: a metric of an nvvgpu-work report
wm() { sed -n "s/^$2: //p" "$1" | head -1; }
show() { sed 's/^/#   /' "$1"; }

# the type with the most instances (the smallest FB)
best_type() {
	local t best='' n max=-1
	for t in $(nv_mdev_types); do
		n=$(cat "$t/available_instances")
		((n > max)) && max=$n && best=$t
	done
	echo "$best"
}

# report checks common to every workload run: NAME FILE
common_checks() {
	local n=$1 f=$2 jobs irqs lost
	jobs=$(wm "$f" jobs)
	irqs=$(wm "$f" interrupts)
	lost=$(wm "$f" lost_interrupts)
	nv_check "$n: result ok ($(wm "$f" result))" test "$(wm "$f" result)" = ok
	nv_check "$n: jobs done ($jobs)" test "${jobs:-0}" -gt 0
	nv_check "$n: interrupts received ($irqs, through $(wm "$f" irq))" \
		test "${irqs:-0}" -gt 0
	nv_check "$n: interrupts = jobs - lost ($irqs = $jobs - $lost)" \
		test "${irqs:-x}" = "$((${jobs:-0} - ${lost:-0}))"
	nv_check "$n: no channel error, no error event" \
		test "$(wm "$f" errors)/$(wm "$f" error_events)" = 0/0
	nv_check "$n: its guard pattern survived" test "$(wm "$f" guard_ok)" = 1
	nv_check "$n: idle FB regions checksummed ($(wm "$f" idle_regions_checked))" \
		test "$(wm "$f" idle_regions_checked)" -gt 0
	nv_check "$n: no idle FB region changed" \
		test "$(wm "$f" idle_regions_changed)" = 0
	nv_check "$n: latency measured (p50 $(wm "$f" latency_p50_ns) ns, p99 $(wm "$f" latency_p99_ns) ns)" \
		test "$(wm "$f" latency_p50_ns)" -gt 0
}

for m in core sim gsp mm sched vfio; do
	nv_check "load $m" nv_load $m
done
T=$(best_type)
nv_check "an nvvgpu mdev type exists (${T##*/})" test -n "$T"
nv_check "the workload tool is built" test -x "$WORK"
if [[ -z $T || ! -x $WORK ]]; then
	nv_unload_all
	nv_done
	exit
fi
echo "# type ${T##*/}: $(cat "$T/description")"
nv_check "create vGPU 1" nv_write "$T/create" "$U1"
nv_check "create vGPU 2" nv_write "$T/create" "$U2"

echo "# both at once: compute at 50% duty on vGPU 1, copies on vGPU 2"
nv_mark
"$WORK" "$U1" --compute-ns "$COMPUTE_NS" --duty 50 --seconds 3 >"$TMP/a" 2>&1 &
PA=$!
"$WORK" "$U2" --copy-stream --copy-size 256K --seconds 3 >"$TMP/b" 2>&1 &
PB=$!
RA=0 RB=0
wait $PA || RA=$?
wait $PB || RB=$?
echo "# vGPU 1 (compute):"
show "$TMP/a"
echo "# vGPU 2 (copy):"
show "$TMP/b"
nv_check "compute tool exits 0" test $RA -eq 0
nv_check "copy tool exits 0" test $RB -eq 0
common_checks compute "$TMP/a"
common_checks copy "$TMP/b"
J=$(wm "$TMP/a" jobs)
nv_check "compute: GPU time is jobs x $COMPUTE_NS ns ($(wm "$TMP/a" gpu_ns))" \
	test "$(wm "$TMP/a" gpu_ns)" = "$((${J:-0} * COMPUTE_NS))"
J=$(wm "$TMP/b" jobs)
nv_check "copy: every copy verified ($(wm "$TMP/b" verified) of $J)" \
	test "$(wm "$TMP/b" verified)" = "$J" -a "$(wm "$TMP/b" verify_failures)" = 0
nv_check "copy: bytes copied = jobs x 256 KiB ($(wm "$TMP/b" copy_bytes))" \
	test "$(wm "$TMP/b" copy_bytes)" = "$((${J:-0} * 262144))"
no_channel_error() { ! dmesg | tail -n +"$((NV_DMESG_MARK + 1))" | grep -q 'channel .* error, Xid'; }
nv_check "no channel error logged" no_channel_error

echo "# a burst of 16 fills at once"
"$WORK" "$U2" --fill --copy-size 1M --burst 16 --seconds 1 >"$TMP/c" 2>&1
show "$TMP/c"
common_checks burst "$TMP/c"
J=$(wm "$TMP/c" jobs)
nv_check "burst: whole bursts ($J jobs)" test $((${J:-1} % 16)) -eq 0
nv_check "burst: every fill verified" \
	test "$(wm "$TMP/c" verified)" = "$J" -a "$(wm "$TMP/c" fill_bytes)" = "$((${J:-0} * 65536))"

echo "# a lost interrupt is found by polling the semaphore"
LOST=(/sys/kernel/debug/nvvgpu/sim/*/fault/lost_interrupt)
if nv_check "the lost_interrupt fault knob exists" test -e "${LOST[0]}"; then
	"$WORK" "$U1" --copy-stream --seconds 3 --timeout-ms 500 >"$TMP/d" 2>&1 &
	PD=$!
	sleep 1
	nv_check "drop the next interrupt" nv_write "${LOST[0]}" 1
	RD=0
	wait $PD || RD=$?
	show "$TMP/d"
	nv_check "lost: tool exits 0" test $RD -eq 0
	nv_check "lost: result ok" test "$(wm "$TMP/d" result)" = ok
	nv_check "lost: exactly one interrupt counted lost" \
		test "$(wm "$TMP/d" lost_interrupts)" = 1
	nv_check "lost: interrupts = jobs - 1" \
		test "$(wm "$TMP/d" interrupts)" = "$(($(wm "$TMP/d" jobs) - 1))"
fi

echo "# remove and unload"
nv_check "remove vGPU 1" nv_write "$MD/$U1/remove" 1
nv_check "remove vGPU 2" nv_write "$MD/$U2/remove" 1
nv_unload_all
nv_check "everything unloaded" bash -c '! grep -q "^nvvgpu" /proc/modules'
nv_done
