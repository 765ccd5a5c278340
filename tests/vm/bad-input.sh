#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Bad input from the start: malformed and duplicate UUIDs, unknown types,
# out-of-range module parameters and a provider built against another
# interface version are refused with the right errno (insmod reports EINVAL
# as "Invalid parameters") and a log line naming
# the problem, and nothing is left half-created. The debugfs writers with a
# size limit, the simulator's event injector (sim/<i>/event) and the GSP
# echo of the live test module (pgpu<N>/gsp/echo, nvvgpu_gsp_test), refuse oversized and malformed writes with
# EINVAL without sending anything, and work again right after.
set -u
. "$(dirname "$0")/lib.sh"

U1=5d2e7a10-6c1b-4f0e-8a9d-000000000001
G=/sys/kernel/debug/nvvgpu/pgpu0/gsp
S=/sys/kernel/debug/nvvgpu/sim/0

gsp_stat() { sed -n "s/^$1: //p" "$G/state"; }
# the kernel log since nv_mark does not match PATTERN
dmesg_lacks() { ! dmesg | tail -n +"$((NV_DMESG_MARK + 1))" | grep -Eq -- "$1"; }

echo "# module parameters"
nv_check "load core" nv_load core
nv_mark
nv_fails "sim num_gpus=0 refused" "Invalid parameters" nv_load sim num_gpus=0
nv_dmesg_has "log names num_gpus" "num_gpus"
nv_fails "sim num_gpus=9 refused" "Invalid parameters" nv_load sim num_gpus=9
nv_mark
nv_fails "sim fb_size_mb=1 refused" "Invalid parameters" nv_load sim fb_size_mb=1
nv_dmesg_has "log names fb_size_mb" "fb_size_mb"
nv_mark
nv_fails "sched timeslice_us=1 refused" "Invalid parameters" nv_load sched timeslice_us=1
nv_dmesg_has "log names timeslice_us" "timeslice_us"
nv_mark
nv_fails "sched policy=bogus refused" "Invalid parameters" nv_load sched policy=bogus
nv_dmesg_has "log names the policy" "unknown policy 'bogus'"

echo "# provider with a mismatched interface version"
nv_mark
nv_fails "provider of interface version 999 refused" "Invalid parameters" nv_load badver
nv_dmesg_has "log names both versions" "interface version 999, core speaks"

echo "# create with bad input"
for m in sim gsp gsp_test mm sched vfio; do
	nv_check "load $m" nv_load $m
done
T=$(nv_mdev_types | head -1)
nv_check "an mdev type exists" test -n "$T"
avail=$(cat "$T/available_instances")
nv_fails "malformed UUID refused" "Invalid argument" nv_write "$T/create" "not-a-uuid"
nv_fails "truncated UUID refused" "Invalid argument" nv_write "$T/create" "${U1:0:20}"
nv_unknown_type_refused "unknown type refused" "${T%/mdev_supported_types/*}" 999999 "$U1"
nv_check "create a vGPU" nv_write "$T/create" "$U1"
nv_fails "duplicate UUID refused" "exists" nv_write "$T/create" "$U1"
T2=$(nv_mdev_types | sed -n 2p)
if [[ -n $T2 ]]; then
	nv_fails "duplicate UUID on another type refused" "exists" nv_write "$T2/create" "$U1"
fi
nv_check "remove the vGPU" nv_write "/sys/bus/mdev/devices/$U1/remove" 1
nv_check "available_instances restored" test "$(cat "$T/available_instances")" -eq "$avail"
# every pgpu's state says "vgpus: 0" (and there is at least one pgpu)
nv_check "no vGPU left in core state" \
	test "$(cat /sys/kernel/debug/nvvgpu/pgpu*/state | sed -n '/^vgpus:/p' | sort -u)" = "vgpus: 0"

# Both writers copy the write into a 32-byte buffer, NUL-terminated:
# 31 bytes fit, 32 are refused before anything is parsed.
echo "# sim event injector: oversized and malformed writes"
nv_mark
nv_fails "event: a 32-byte write is refused: EINVAL" "Invalid argument" \
	nv_write "$S/event" "$(printf '%-32s' 'os_error_log 101')"
nv_fails "event: a 4096-byte write is refused: EINVAL" "Invalid argument" \
	nv_write "$S/event" "$(printf '%-4096s' 'os_error_log 101')"
nv_fails "event: an unknown event is refused: EINVAL" "Invalid argument" \
	nv_write "$S/event" "bogus_event 101"
nv_fails "event: a non-number argument is refused: EINVAL" "Invalid argument" \
	nv_write "$S/event" "os_error_log abc"
nv_fails "event: a second argument is refused: EINVAL" "Invalid argument" \
	nv_write "$S/event" "os_error_log 101 7"
nv_fails "event: a flood of 5000 (over 4096) is refused: EINVAL" \
	"Invalid argument" nv_write "$S/event" "flood 5000"
nv_fails "event: a flood of -1 is refused: EINVAL" "Invalid argument" \
	nv_write "$S/event" "flood -1"
nv_dmesg_has "event: dmesg names the oversized write" \
	'debugfs event: 32 bytes written; "NAME \[ARG\]" takes fewer than 32'
nv_dmesg_has "event: dmesg names the unknown event" \
	'event: unknown event "bogus_event"'
nv_dmesg_has "event: dmesg names the malformed argument" \
	'debugfs event: expected "NAME \[ARG\]", ARG one number'
nv_dmesg_has "event: dmesg names the flood out of range" \
	'event: flood of 5000 events, 1..4096 allowed'
nv_check "event: a 31-byte write still fits" \
	nv_write "$S/event" "$(printf '%-31s' 'os_error_log 102')"
nv_check "event: its handler logs Xid 102" nv_eventually \
	bash -c "dmesg | tail -n +$((NV_DMESG_MARK + 1)) | grep -q 'Xid 102 (runlist 0 channel 0): injected by nvvgpu_sim'"
nv_check "event: the refused writes injected nothing" dmesg_lacks "Xid 101"

echo "# gsp echo: oversized and malformed writes"
rpcs=$(gsp_stat rpcs)
failed=$(gsp_stat failed)
nv_mark
nv_fails "echo: a 32-byte write is refused: EINVAL" "Invalid argument" \
	nv_write "$G/echo" "$(printf '%-32s' 16)"
nv_fails "echo: size 262145, one beyond the maximum, is refused: EINVAL" \
	"Invalid argument" nv_write "$G/echo" 262145
nv_fails "echo: unknown flags (2) are refused: EINVAL" "Invalid argument" \
	nv_write "$G/echo" "16 2"
nv_fails "echo: no size is refused: EINVAL" "Invalid argument" \
	nv_write "$G/echo" "sixteen"
nv_fails "echo: a size past u32 (2^32 + 1) is refused: EINVAL" \
	"Invalid argument" nv_write "$G/echo" 4294967297
nv_fails "echo: a third number is refused: EINVAL" "Invalid argument" \
	nv_write "$G/echo" "16 0 0"
nv_dmesg_has "echo: dmesg names the oversized write" \
	'debugfs echo: 32 bytes written; "SIZE \[FLAGS\]" takes fewer than 32'
nv_dmesg_has "echo: dmesg names the size out of range" \
	'debugfs echo: size 262145 \(at most 262144\) or flags 0x0 \(0x1 known\) out of range'
nv_dmesg_has "echo: dmesg names the malformed write" \
	'debugfs echo: expected "SIZE \[FLAGS\]", one or two numbers'
nv_check "echo: the refused writes sent no RPC" test "$(gsp_stat rpcs)" = "$rpcs"
nv_check "echo: a 31-byte write still fits" nv_write "$G/echo" "$(printf '%-31s' 16)"
nv_check "echo: the maximum, 262144 bytes inverted, works" nv_write "$G/echo" "262144 1"
nv_check "echo: the transport is still running" test "$(gsp_stat state)" = running
nv_check "echo: no RPC failed" test "$(gsp_stat failed)" = "$failed"
nv_check "echo: nothing logged a mismatch or a lost message" \
	dmesg_lacks "echo reply|dropped|without a message|rpc.sequence"

echo "# nvvgpu_providers: the pgpu's providers, and switches that cannot be"
P=/sys/devices/platform/nvvgpu_sim.0/nvvgpu_providers
nv_check "nvvgpu_providers/scheduler lists timeslice as the pgpu's" \
	test "$(cat "$P/scheduler")" = "[timeslice]"
nv_check "nvvgpu_providers/partition lists mm as the pgpu's" \
	test "$(cat "$P/partition")" = "[mm]"
nv_check "nvvgpu_providers/transport lists gsp as the pgpu's" \
	test "$(cat "$P/transport")" = "[gsp]"
nv_mark
nv_fails "switching to an unknown scheduler is refused: ENOENT" \
	"No such file or directory" nv_write "$P/scheduler" bogus
nv_dmesg_has "dmesg names the unknown provider" \
	"no scheduler provider 'bogus' is registered"
nv_fails "an empty provider name is refused: EINVAL" "Invalid argument" \
	nv_write "$P/partition" " "
nv_fails "the transport is not switched: EACCES" "Permission denied" \
	nv_write "$P/transport" gsp
nv_ok_write() { nv_write "$P/scheduler" timeslice; }
nv_check "switching to the scheduler already running is a no-op" nv_ok_write
nv_check "nvvgpu_providers/scheduler still says timeslice" \
	test "$(cat "$P/scheduler")" = "[timeslice]"

echo "# engine knobs: out-of-range and malformed writes"
nv_mark
nv_fails "preempt_timeout_ms 0 is refused: EINVAL" "Invalid argument" \
	nv_write "$S/preempt_timeout_ms" 0
nv_fails "preempt_timeout_ms 10001 is refused: EINVAL" "Invalid argument" \
	nv_write "$S/preempt_timeout_ms" 10001
nv_fails "preempt_timeout_ms abc is refused: EINVAL" "Invalid argument" \
	nv_write "$S/preempt_timeout_ms" abc
nv_check "preempt_timeout_ms is still 100" test "$(cat "$S/preempt_timeout_ms")" = 100
nv_fails "ctxsw_us 1001 is refused: EINVAL" "Invalid argument" \
	nv_write "$S/ctxsw_us" 1001
nv_fails "ctxsw_us abc is refused: EINVAL" "Invalid argument" \
	nv_write "$S/ctxsw_us" abc
nv_dmesg_has "dmesg names the context-switch cost out of range" \
	"ctxsw_us: 1001 out of range 0..1000"
nv_check "ctxsw_us is still 10" test "$(cat "$S/ctxsw_us")" = 10
nv_fails "fault/engine_hang 3 (no such engine) is refused: EINVAL" \
	"Invalid argument" nv_write "$S/fault/engine_hang" 3
nv_fails "fault/mmu_fault 2048 (beyond the channels) is refused: EINVAL" \
	"Invalid argument" nv_write "$S/fault/mmu_fault" 2048
nv_fails "fault/lost_interrupt -1 is refused: EINVAL" "Invalid argument" \
	nv_write "$S/fault/lost_interrupt" -1
nv_fails "fault/lost_interrupt with two numbers is refused: EINVAL" \
	"Invalid argument" nv_write "$S/fault/lost_interrupt" "1 2"
nv_dmesg_has "dmesg names the timeout out of range" \
	'preempt_timeout_ms: 10001 out of range 1..10000'
nv_dmesg_has "dmesg names the missing engine" \
	'fault/engine_hang: no engine 3 \(0..2\)'
nv_dmesg_has "dmesg names the channel out of range" \
	'fault/mmu_fault: channel 2048 beyond 2048'
nv_dmesg_has "dmesg names the malformed lost_interrupt" \
	'debugfs fault/lost_interrupt: expected one number'
nv_check "no engine was hung by the refused writes" \
	bash -c "! grep -q ' hung' '$S/engines'"
nv_check "no interrupt is set to be lost" test "$(cat "$S/fault/lost_interrupt")" = 0

nv_unload_all
nv_check "everything unloaded" bash -c '! grep -q "^nvvgpu" /proc/modules'
nv_done
