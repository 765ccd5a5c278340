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


# the type with the most instances (the smallest FB)
# report checks common to every workload run: NAME FILE
common_checks() {
	local n=$1 f=$2 jobs irqs lost
	jobs=$(nv_metric "$f" jobs)
	irqs=$(nv_metric "$f" interrupts)
	lost=$(nv_metric "$f" lost_interrupts)
	nv_check "$n: result ok ($(nv_metric "$f" result))" test "$(nv_metric "$f" result)" = ok
	nv_check "$n: jobs done ($jobs)" test "${jobs:-0}" -gt 0
	nv_check "$n: interrupts received ($irqs, through $(nv_metric "$f" irq))" \
		test "${irqs:-0}" -gt 0
	nv_check "$n: interrupts = jobs - lost ($irqs = $jobs - $lost)" \
		test "${irqs:-x}" = "$((${jobs:-0} - ${lost:-0}))"
	nv_check "$n: no channel error, no error event" \
		test "$(nv_metric "$f" errors)/$(nv_metric "$f" error_events)" = 0/0
	nv_check "$n: its guard pattern survived" test "$(nv_metric "$f" guard_ok)" = 1
	nv_check "$n: idle FB regions checksummed ($(nv_metric "$f" idle_regions_checked))" \
		test "$(nv_metric "$f" idle_regions_checked)" -gt 0
	nv_check "$n: no idle FB region changed" \
		test "$(nv_metric "$f" idle_regions_changed)" = 0
	nv_check "$n: latency measured (p50 $(nv_metric "$f" latency_p50_ns) ns, p99 $(nv_metric "$f" latency_p99_ns) ns)" \
		test "$(nv_metric "$f" latency_p50_ns)" -gt 0
}

for m in core sim gsp mm sched vfio; do
	nv_check "load $m" nv_load $m
done
T=$(nv_type_most_available)
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
nv_show_report "$TMP/a"
echo "# vGPU 2 (copy):"
nv_show_report "$TMP/b"
nv_check "compute tool exits 0" test $RA -eq 0
nv_check "copy tool exits 0" test $RB -eq 0
common_checks compute "$TMP/a"
common_checks copy "$TMP/b"
J=$(nv_metric "$TMP/a" jobs)
nv_check "compute: GPU time is jobs x $COMPUTE_NS ns ($(nv_metric "$TMP/a" gpu_ns))" \
	test "$(nv_metric "$TMP/a" gpu_ns)" = "$((${J:-0} * COMPUTE_NS))"
J=$(nv_metric "$TMP/b" jobs)
nv_check "copy: every copy verified ($(nv_metric "$TMP/b" verified) of $J)" \
	test "$(nv_metric "$TMP/b" verified)" = "$J" -a "$(nv_metric "$TMP/b" verify_failures)" = 0
nv_check "copy: bytes copied = jobs x 256 KiB ($(nv_metric "$TMP/b" copy_bytes))" \
	test "$(nv_metric "$TMP/b" copy_bytes)" = "$((${J:-0} * 262144))"
no_channel_error() { ! dmesg | tail -n +"$((NV_DMESG_MARK + 1))" | grep -q 'channel .* error, Xid'; }
nv_check "no channel error logged" no_channel_error

echo "# a burst of 16 fills at once"
"$WORK" "$U2" --fill --copy-size 1M --burst 16 --seconds 1 >"$TMP/c" 2>&1
nv_show_report "$TMP/c"
common_checks burst "$TMP/c"
J=$(nv_metric "$TMP/c" jobs)
nv_check "burst: whole bursts ($J jobs)" test $((${J:-1} % 16)) -eq 0
nv_check "burst: every fill verified" \
	test "$(nv_metric "$TMP/c" verified)" = "$J" -a "$(nv_metric "$TMP/c" fill_bytes)" = "$((${J:-0} * 65536))"

echo "# a lost interrupt is found by polling the semaphore"
LOST=(/sys/kernel/debug/nvvgpu/sim/*/fault/lost_interrupt)
if nv_check "the lost_interrupt fault knob exists" test -e "${LOST[0]}"; then
	"$WORK" "$U1" --copy-stream --seconds 3 --timeout-ms 500 >"$TMP/d" 2>&1 &
	PD=$!
	sleep 1
	nv_check "drop the next interrupt" nv_write "${LOST[0]}" 1
	RD=0
	wait $PD || RD=$?
	nv_show_report "$TMP/d"
	nv_check "lost: tool exits 0" test $RD -eq 0
	nv_check "lost: result ok" test "$(nv_metric "$TMP/d" result)" = ok
	nv_check "lost: exactly one interrupt counted lost" \
		test "$(nv_metric "$TMP/d" lost_interrupts)" = 1
	nv_check "lost: interrupts = jobs - 1" \
		test "$(nv_metric "$TMP/d" interrupts)" = "$(($(nv_metric "$TMP/d" jobs) - 1))"
fi

echo "# remove and unload"
nv_check "remove vGPU 1" nv_write "$MD/$U1/remove" 1
nv_check "remove vGPU 2" nv_write "$MD/$U2/remove" 1
nv_unload_all
nv_check "everything unloaded" bash -c '! grep -q "^nvvgpu" /proc/modules'
nv_done
