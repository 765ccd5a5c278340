#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# FB scrubbing between tenants: tenant A writes a pattern over its FB
# through BAR1 (tests/tools/nvvgpu-work --pattern-write) and is destroyed;
# tenant B, created on the same FB range (the offsets of the "created: ...
# fb N MiB at 0x..." log lines must agree), reads zeros through BAR1 and
# through CE copies into a checked buffer (--expect-zero, without a
# device reset of its own, so that only the destroy/create path can have
# scrubbed). A control run shows --expect-zero fails on A's pattern.
set -u
. "$(dirname "$0")/lib.sh"
[[ ${NVVGPU_VM-} == 1 ]] || { echo "gpu-scrub: run me in the VM (scripts/vm-run)"; exit 2; }

UA=9c0d2a61-4b1e-4f3a-8d55-0000000e000a
UB=9c0d2a61-4b1e-4f3a-8d55-0000000e000b
WORK=$NV_MODDIR/tools/nvvgpu-work
MD=/sys/bus/mdev/devices
TMP=$(mktemp -d /tmp/nvvgpu-scrub.XXXXXX)
trap 'rm -rf "$TMP"' EXIT
# bytes of FB written and checked: enough to span many pages and a few
# VMMU segments, little enough for TCG
BYTES=${NVVGPU_SCRUB_BYTES:-64M}

# the FB offset the core logged when UUID was created (after nv_mark)
fb_at() {
	dmesg | tail -n +"$((NV_DMESG_MARK + 1))" |
		sed -n "s/.* $1 created: .* fb [0-9]* MiB at \(0x[0-9a-f]*\),.*/\1/p" | tail -1
}

for m in core sim gsp mm sched vfio; do
	nv_check "load $m" nv_load $m
done
T=
for t in $(nv_mdev_types); do
	[[ -z $T || $(cat "$t/available_instances") -gt $(cat "$T/available_instances") ]] && T=$t
done
nv_check "an nvvgpu mdev type exists (${T##*/})" test -n "$T"
nv_check "the workload tool is built" test -x "$WORK"
if [[ -z $T || ! -x $WORK ]]; then
	nv_unload_all
	nv_done
	exit
fi

echo "# tenant A"
nv_mark
nv_check "create tenant A" nv_write "$T/create" "$UA"
AT=$(fb_at "$UA")
nv_check "A's FB offset is logged ($AT)" test -n "$AT"
"$WORK" "$UA" --pattern-write 0xdeadbeef --bytes "$BYTES" >"$TMP/a" 2>&1
nv_show_report "$TMP/a"
nv_check "A wrote its pattern ($(nv_metric "$TMP/a" pattern_bytes) bytes, read back)" \
	test "$(nv_metric "$TMP/a" result)" = ok -a "$(nv_metric "$TMP/a" pattern_bytes)" -gt 0
"$WORK" "$UA" --expect-zero --no-reset --bytes "$BYTES" >"$TMP/ctl" 2>&1
nv_show_report "$TMP/ctl"
nv_check "control: --expect-zero fails on A's own pattern" \
	grep -q '^result: FAIL BAR1 reads non-zero' "$TMP/ctl"
nv_check "control: through BAR1 it reads the pattern ($(nv_metric "$TMP/ctl" bar1_nonzero_qwords) qwords)" \
	test "$(nv_metric "$TMP/ctl" bar1_nonzero_qwords)" -gt 0
nv_check "destroy tenant A" nv_write "$MD/$UA/remove" 1

echo "# tenant B on the same range"
nv_mark
nv_check "create tenant B" nv_write "$T/create" "$UB"
BT=$(fb_at "$UB")
nv_check "B got A's FB range ($BT = $AT)" test -n "$BT" -a "$BT" = "$AT"
"$WORK" "$UB" --expect-zero --no-reset --bytes "$BYTES" >"$TMP/b" 2>&1
nv_show_report "$TMP/b"
nv_check "B: result ok ($(nv_metric "$TMP/b" result))" test "$(nv_metric "$TMP/b" result)" = ok
nv_check "B: BAR1 reads zero over $(nv_metric "$TMP/b" bar1_checked_bytes) bytes" \
	test "$(nv_metric "$TMP/b" bar1_nonzero_qwords)" = 0 -a \
	"$(nv_metric "$TMP/b" bar1_checked_bytes)" -gt 0
nv_check "B: copies read zero over $(nv_metric "$TMP/b" copy_checked_bytes) bytes" \
	test "$(nv_metric "$TMP/b" copy_checked_bytes)" -gt 0

echo "# remove and unload"
nv_check "destroy tenant B" nv_write "$MD/$UB/remove" 1
nv_unload_all
nv_check "everything unloaded" bash -c '! grep -q "^nvvgpu" /proc/modules'
nv_done
