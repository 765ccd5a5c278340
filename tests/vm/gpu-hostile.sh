#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A hostile guest beside a steady one on one pgpu. vGPU 1 runs each
# hostile mode of tests/tools/nvvgpu-work in turn (GP_PUT past the ring, a
# storm of doorbells with bogus tokens, a garbage pushbuffer, a copy beyond
# its FB, an endless WFI compute launch, a copy over a page the host made
# an uncorrectable ECC error through the sim's fault/ecc_page), each
# followed by verified work on a fresh channel; vGPU 2 runs compute the
# whole time. Each hostile mode but the storm must put its channel, and only
# its channel, in error (the error eventfd and the CHANNEL_ERROR interrupt
# on vGPU 1; for the copy beyond the FB the MMU fault registers and a log
# line naming the pgpu, the vGPU and the address; for the ECC page Xid 48
# in the log and the trace, twice: the page is retired, so a fresh
# channel's access to it faults again); vGPU 2's jobs all complete without
# an error.
# The VM harness fails the run on any sanitizer report.
# NVVGPU_HOSTILE_MODES="oob ecc" runs only those modes.
set -u
. "$(dirname "$0")/lib.sh"
[[ ${NVVGPU_VM-} == 1 ]] || { echo "gpu-hostile: run me in the VM (scripts/vm-run)"; exit 2; }

U1=9c0d2a61-4b1e-4f3a-8d55-0000000d0001
U2=9c0d2a61-4b1e-4f3a-8d55-0000000d0002
WORK=$NV_MODDIR/tools/nvvgpu-work
MD=/sys/bus/mdev/devices
TMP=$(mktemp -d /tmp/nvvgpu-hostile.XXXXXX)
trap 'rm -rf "$TMP"' EXIT


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
FB=$(sed -n 's/.*framebuffer=\([0-9]*\)M.*/\1/p' "$T/description")
nv_check "create vGPU 1 (hostile)" nv_write "$T/create" "$U1"
nv_check "create vGPU 2 (steady)" nv_write "$T/create" "$U2"

# vGPU 1's guest FB offset in the physical FB, from the core's state, and
# the sim whose emulator bootloaded it there
U1_FB=$(sed -n "s/^ *[0-9]* $U1 .* fb=\(0x[0-9a-f]*\)+.*/\1/p" \
	/sys/kernel/debug/nvvgpu/pgpu*/state | head -1)
SIM=
for d in /sys/kernel/debug/nvvgpu/sim/*; do
	[[ -n $U1_FB ]] && grep -q "^gfid [0-9]*: booted .* fb $U1_FB+" "$d/state" && SIM=$d
done
nv_check "vGPU 1's FB offset ($U1_FB) and its sim (${SIM##*/})" test -n "$U1_FB" -a -n "$SIM"
ECC=$SIM/fault/ecc_page
TR=/sys/kernel/tracing
[[ -d $TR/events ]] || mount -t tracefs nodev "$TR"
if [[ -n $SIM ]]; then
	nv_mark
	nv_fails "ecc_page: a misaligned address is refused" "Invalid argument" \
		nv_write "$ECC" $((U1_FB + 0x620010))
	nv_fails "ecc_page: an address beyond the FB is refused" "Invalid argument" \
		nv_write "$ECC" 0x100000000000
	nv_fails "ecc_page: not a number" "Invalid argument" nv_write "$ECC" page
	nv_dmesg_has "ecc_page: the refusal is logged" "fault/ecc_page: 0x[0-9a-f]+ is not a 4 KiB page"
	nv_check "ecc_page: nothing listed" test -z "$(cat "$ECC")"
fi

for MODE in ${NVVGPU_HOSTILE_MODES:-gpput doorbell-storm garbage oob endless ecc}; do
	echo "# hostile $MODE on vGPU 1, compute on vGPU 2"
	if [[ $MODE == ecc ]]; then
		# the tool's ECC_PAGE, guest offset 0x620000 (tests/tools/nvvgpu-work.c)
		PAGE=$(printf '%#x' $((U1_FB + 0x620000)))
		echo >"$TR/trace"
		echo 1 >"$TR/events/nvvgpu_core/nvvgpu_channel_error/enable"
	fi
	nv_mark
	if [[ $MODE == ecc ]]; then
		nv_check "ecc: make FB page $PAGE of vGPU 1 an ECC error" nv_write "$ECC" "$PAGE"
		nv_check "ecc: listed as pending" grep -qx "$PAGE pending" "$ECC"
	fi
	"$WORK" "$U2" --compute-ns 200000 --duty 50 --seconds 4 >"$TMP/s" 2>&1 &
	PS=$!
	sleep 0.5
	RH=0
	"$WORK" "$U1" --hostile "$MODE" --copy-stream --seconds 0.5 >"$TMP/h" 2>&1 || RH=$?
	RS=0
	wait $PS || RS=$?
	echo "# hostile:"
	nv_show_report "$TMP/h"
	echo "# steady:"
	nv_show_report "$TMP/s"
	want=1
	[[ $MODE == doorbell-storm ]] && want=0
	[[ $MODE == ecc ]] && want=2
	nv_check "$MODE: hostile tool result ok ($(nv_metric "$TMP/h" result))" \
		test $RH -eq 0 -a "$(nv_metric "$TMP/h" result)" = ok
	nv_check "$MODE: its channel errors as expected ($(nv_metric "$TMP/h" hostile_errors) of $want)" \
		test "$(nv_metric "$TMP/h" hostile_errors)" = $want
	nv_check "$MODE: error events on vGPU 1 ($(nv_metric "$TMP/h" error_events))" \
		test "$(nv_metric "$TMP/h" error_events)" -ge $want
	nv_check "$MODE: no unexpected error on vGPU 1" test "$(nv_metric "$TMP/h" errors)" = 0
	nv_check "$MODE: then a fresh channel works ($(nv_metric "$TMP/h" verified) copies verified)" \
		test "$(nv_metric "$TMP/h" verified)" -gt 0 -a "$(nv_metric "$TMP/h" verify_failures)" = 0
	nv_check "$MODE: steady tool result ok ($(nv_metric "$TMP/s" result))" \
		test $RS -eq 0 -a "$(nv_metric "$TMP/s" result)" = ok
	nv_check "$MODE: steady jobs completed ($(nv_metric "$TMP/s" jobs))" \
		test "$(nv_metric "$TMP/s" jobs)" -gt 0
	nv_check "$MODE: no error on vGPU 2 ($(nv_metric "$TMP/s" errors) errors, $(nv_metric "$TMP/s" error_events) events)" \
		test "$(nv_metric "$TMP/s" errors)/$(nv_metric "$TMP/s" error_events)" = 0/0
	nv_check "$MODE: vGPU 2's FB unchanged" \
		test "$(nv_metric "$TMP/s" guard_ok)/$(nv_metric "$TMP/s" idle_regions_changed)" = 1/0
	no_u2_error() { ! nv_since_mark | grep -q "$U2: channel .* error"; }
	nv_check "$MODE: no channel error logged for vGPU 2" no_u2_error
	if ((want)); then
		nv_dmesg_has "$MODE: the error is logged for vGPU 1" \
			"pgpu [0-9]+ vgpu [0-9]+ $U1: channel [0-9]+ error, Xid [0-9]+"
	fi
	case $MODE in
	gpput | garbage)
		nv_dmesg_has "$MODE: Xid 32" "$U1: channel [0-9]+ error, Xid 32" ;;
	oob)
		ADDR=$(printf '%#x' $((FB * 1048576 + 65536)))
		nv_check "oob: MMU fault registers name the address ($(nv_metric "$TMP/h" mmu_fault))" \
			grep -q "^mmu_fault: status 0x1 addr $ADDR " "$TMP/h"
		nv_dmesg_has "oob: log names pgpu, vGPU and address $ADDR" \
			"pgpu [0-9]+ vgpu [0-9]+ $U1: channel [0-9]+ error, Xid 31 at $ADDR" ;;
	endless)
		nv_dmesg_has "endless: reset by the preemption timeout (Xid 45)" \
			"$U1: channel [0-9]+ error, Xid 45" ;;
	ecc)
		echo 0 >"$TR/events/nvvgpu_core/nvvgpu_channel_error/enable"
		nv_dmesg_has "ecc: Xid 48 where the copy met the page" \
			"pgpu [0-9]+ vgpu [0-9]+ $U1: channel [0-9]+ error, Xid 48 at 0x620000\$"
		nv_dmesg_has "ecc: Xid 48 again on the retired page, on a fresh channel" \
			"$U1: channel [0-9]+ error, Xid 48 at 0x620100\$"
		nv_dmesg_has "ecc: the sim names the FB page and retires it" \
			"uncorrectable ECC error \(DBE\) on FB page $PAGE at 0x620000; page retired"
		G1=$(sed -n "s/^gfid \([0-9]*\): booted .* fb $U1_FB+.*/\1/p" "$SIM/state")
		nv_check "ecc: trace has Xid 48 for gfid $G1 at 0x620000" \
			grep -q "nvvgpu_channel_error: pgpu=[0-9]* gfid=$G1 chid=[0-9]* xid=48 addr=0x620000\$" "$TR/trace"
		nv_check "ecc: trace has no channel error for any other function" \
			bash -c "! grep nvvgpu_channel_error: '$TR/trace' | grep -v ' gfid=$G1 '"
		nv_check "ecc: listed as retired, hit twice ($(cat "$ECC"))" \
			grep -qx "$PAGE retired gfid $G1 chid [0-9]* hits 2" "$ECC"
		nv_check "ecc: the engines count it" grep -qx "ecc_pages: 1" "$SIM/engines" ;;
	doorbell-storm)
		nv_check "storm: thousands of doorbells ($(nv_metric "$TMP/h" storm_doorbells))" \
			test "$(nv_metric "$TMP/h" storm_doorbells)" -ge 4000
		no_u1_error() { ! nv_since_mark | grep -q "$U1: channel .* error"; }
		nv_check "storm: no channel error logged" no_u1_error ;;
	esac
done

echo "# remove and unload"
nv_check "remove vGPU 1" nv_write "$MD/$U1/remove" 1
nv_check "remove vGPU 2" nv_write "$MD/$U2/remove" 1
nv_unload_all
nv_check "everything unloaded" bash -c '! grep -q "^nvvgpu" /proc/modules'
nv_done
