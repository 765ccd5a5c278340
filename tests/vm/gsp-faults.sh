#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# GSP transport faults, with both firmware releases: every fault knob of
# the simulated firmware (sim/<i>/fault/) against an RPC issued through
# <pgpu>/gsp/echo (of the live test module, nvvgpu_gsp_test). Each fault must fail the caller with the right errno and
# a log line naming it, within its timeout (never a hang), and leave the
# transport usable where the protocol allows: the next RPC works, and a
# late reply is never taken as the reply to the next request. A firmware
# crash or a status queue that lost its framing marks the pgpu lost (vGPU
# creation refused with -EIO) until <pgpu>/gsp/reset boots the firmware
# again; a reset is refused while vGPUs exist.
set -u
. "$(dirname "$0")/lib.sh"
[[ ${NVVGPU_VM-} == 1 ]] || { echo "gsp-faults: run me in the VM (scripts/vm-run)"; exit 2; }

U1=6a1d0c5e-7b0f-4c2a-9e55-0fa17c0de001
TIMEOUT_MS=1500
PARAM=/sys/module/nvvgpu_gsp/parameters/rpc_timeout_ms

# the pgpu's debugfs directories; the core's pgpu ids are reused
pgpu_dir() { echo /sys/kernel/debug/nvvgpu/pgpu0; }
G=$(pgpu_dir)/gsp
F=/sys/kernel/debug/nvvgpu/sim/0/fault

# t_fails DESCRIPTION ERRNO_TEXT MAX_MS COMMAND... : the command fails with
# ERRNO_TEXT in its message, and within MAX_MS. The command runs in this
# shell (the helpers are builtins), so the time is the kernel's, not a fork's.
ERR=${NVVGPU_VM_OUT:-/tmp}/gsp-faults.err
t_fails() {
	local what=$1 want=$2 max=$3
	shift 3
	local t0 t1 out rc ms
	t0=${EPOCHREALTIME/./}
	"$@" 2>"$ERR"
	rc=$?
	t1=${EPOCHREALTIME/./}
	out=$(<"$ERR")
	ms=$(((t1 - t0) / 1000))
	if [[ $rc -eq 0 ]]; then
		nv_not_ok "$what (unexpectedly succeeded)"
	elif [[ $out != *"$want"* ]]; then
		nv_not_ok "$what (wanted '$want', got '$out')"
	elif ((ms > max)); then
		nv_not_ok "$what (took $ms ms, limit $max ms)"
	else
		nv_ok "$what ($ms ms)"
	fi
}

rpc() { nv_write "$G/echo" "${1:-8}"; }
# a counter of <pgpu>/gsp/state
stat() { sed -n "s/^$1: //p" "$G/state"; }
knob() { nv_write "$F/$1" "$2"; }
lost() { grep -q '^lost: yes' "$(pgpu_dir)/state"; }
# N shell callers at once, each writing M echoes of 64 bytes (nothing in
# the driver serialises RM controls before the transport); prints how many
# failed
echo_failures() {
	local i pids=() n=0

	for i in $(seq "$1"); do
		(f=0
		 for _ in $(seq "$2"); do echo 64 2>/dev/null >"$G/echo" || f=$((f + 1)); done
		 exit $f) &
		pids+=($!)
	done
	for i in "${pids[@]}"; do
		wait "$i"
		n=$((n + $?))
	done
	echo "$n"
}
first_type() { nv_mdev_types | head -1; }

# a fault that spoils the reply: the RPC fails early, with a log line
spoiled() {
	local knob=$1 want=$2 line=$3
	local timeouts
	nv_mark
	timeouts=$(stat timeouts)
	knob "$knob" 1
	t_fails "$FW: $knob fails the RPC with '$want' before the timeout" \
		"$want" $((TIMEOUT_MS - 100)) rpc
	nv_check "$FW: $knob: the RPC did not wait for the timeout" \
		test "$(stat timeouts)" = "$timeouts"
	nv_dmesg_has "$FW: $knob is named in the log" "$line"
	nv_check "$FW: the RPC after $knob works" rpc
}

run_release() {
	FW=$1
	echo "# firmware $FW"
	nv_check "$FW: load core" nv_load core
	nv_check "$FW: load sim" nv_load sim fw_version="$FW"
	nv_check "$FW: load gsp" nv_load gsp rpc_timeout_ms=$TIMEOUT_MS
	for m in gsp_test mm sched vfio; do
		nv_check "$FW: load $m" nv_load $m
	done
	nv_check "$FW: gsp debugfs exists" test -w "$G/reset"
	nv_check "$FW: the firmware echoes rpc.sequence" \
		grep -q 'rpc.sequence: echoed' "$G/state"

	echo "# $FW: RPCs and continuation records"
	nv_check "$FW: small echo" rpc 8
	nv_check "$FW: 100000-byte echo (continuation both ways)" rpc 100000
	nv_check "$FW: 262144-byte inverted echo" rpc "262144 1"

	echo "# $FW: malformed replies"
	spoiled corrupt_checksum "Bad message" "bad checksum, dropped"
	spoiled bad_signature "Protocol error" "bad rpc signature, dropped"
	spoiled bad_header_version "Protocol error" "unknown rpc header version, dropped"
	spoiled oversize_len "Protocol error" "length 65496\\): rpc length out of range"
	spoiled undersize_len "Protocol error" "length 16\\): rpc length out of range"
	spoiled negative_len "Protocol error" "length 4294967264\\): rpc length out of range"
	spoiled replay_seq "Protocol error" "sequence number replayed, dropped"

	echo "# $FW: sequence numbers"
	nv_mark
	knob skip_seq 1
	nv_check "$FW: a gap in the sequence numbers is survived" rpc
	nv_dmesg_has "$FW: the gap is logged" "lost \\(next is [0-9]+\\): resynchronising"
	nv_mark
	knob bad_token 1
	t_fails "$FW: a reply with a wrong rpc.sequence is not taken" \
		"Connection timed out" $((TIMEOUT_MS + 1000)) rpc
	nv_dmesg_has "$FW: it is dropped as stale" "stale GSP_RM_CONTROL .* dropped"
	nv_check "$FW: the RPC after it works" rpc

	echo "# $FW: lost and late replies"
	nv_mark
	knob drop_replies 1
	t_fails "$FW: a dropped reply times out" "Connection timed out" \
		$((TIMEOUT_MS + 1000)) rpc
	nv_dmesg_has "$FW: the timeout is logged" "timed out after $TIMEOUT_MS ms: no reply"
	nv_check "$FW: the RPC after a dropped reply works" rpc

	nv_mark
	knob delay_ms $((TIMEOUT_MS * 3 / 2))
	t_fails "$FW: a reply delayed past the timeout times out" \
		"Connection timed out" $((TIMEOUT_MS + 1000)) rpc
	# the next RPC waits long enough; the late reply arrives first
	nv_write $PARAM $((TIMEOUT_MS * 4))
	nv_check "$FW: the next RPC gets its own reply, not the late one" rpc
	nv_dmesg_has "$FW: the late reply is dropped as stale" \
		"stale GSP_RM_CONTROL \\(0x4c\\) reply, rpc.sequence [0-9]+, dropped"
	knob delay_ms 0
	nv_write $PARAM $TIMEOUT_MS
	nv_check "$FW: RPCs work with the delay gone" rpc

	nv_mark
	nv_check "$FW: inject a reply to a request never sent" knob unsolicited 10
	nv_check "$FW: the RPC after it works" rpc
	nv_dmesg_has "$FW: the unsolicited reply is dropped" \
		"unsolicited FREE \\(0xa\\) reply, rpc.sequence 0, .* dropped"

	echo "# $FW: firmware hang"
	nv_mark
	knob hang 1
	t_fails "$FW: an RPC to a hung firmware times out" "Connection timed out" \
		$((TIMEOUT_MS + 1000)) rpc
	knob hang 0
	nv_check "$FW: the RPC after the hang works" rpc
	nv_dmesg_has "$FW: the reply to the timed-out RPC is dropped" "stale GSP_RM_CONTROL"
	nv_check "$FW: the pgpu is not lost after a hang" bash -c "! grep -q '^lost: yes' $(pgpu_dir)/state"

	echo "# $FW: several RPCs at once"
	failed=$(sed -n 's/^failed: //p' "$G/state")
	nv_check "$FW: four callers, 25 small echoes each, all succeed" \
		test "$(echo_failures 4 25)" -eq 0
	nv_check "$FW: their RPCs were in flight at once" \
		grep -Eq '^rpcs in flight: 0 now, ([2-9]|[1-9][0-9]+) at most$' "$G/state"
	nv_check "$FW: none failed" \
		test "$(sed -n 's/^failed: //p' "$G/state")" = "$failed"

	echo "# $FW: several RPCs at once, with faults among their replies"
	# each reply takes every armed fault at once, so one kind at a time
	nv_mark
	knob drop_replies 2
	knob corrupt_checksum 2
	bad=$(echo_failures 4 8)
	nv_check "$FW: 2 dropped and 2 corrupted replies fail 4 of 32 echoes ($bad)" \
		test "$bad" -eq 4
	nv_dmesg_has "$FW: the corrupted replies failed their own RPCs" \
		"GSP_RM_CONTROL \(rpc.sequence [0-9]+\) fails: its reply was dropped \(bad checksum\)"
	knob bad_token 2
	bad=$(echo_failures 4 8)
	nv_check "$FW: 2 replies with a wrong token fail 2 of 32 echoes ($bad)" \
		test "$bad" -eq 2
	nv_dmesg_has "$FW: those were dropped as stale" "stale GSP_RM_CONTROL"
	nv_check "$FW: no caller was given another's reply" \
		bash -c "! dmesg | tail -n +$((NV_DMESG_MARK + 1)) | grep -Eq 'echo reply (is not|differs)'"
	nv_check "$FW: no RPC is left waiting" grep -q '^rpcs in flight: 0 now' "$G/state"
	nv_check "$FW: RPCs work after the faults" rpc

	echo "# $FW: firmware crash and reset"
	T=$(first_type)
	nv_check "$FW: a vGPU can be created" nv_write "$T/create" "$U1"
	nv_mark
	nv_check "$FW: crash the firmware" knob crash 1
	t_fails "$FW: an RPC to a crashed firmware fails before the timeout" \
		"No such device" $((TIMEOUT_MS - 100)) rpc
	nv_dmesg_has "$FW: the crash is logged" "GSP-RM fatal error: code 0x0 reason 0x3"
	nv_dmesg_has "$FW: the pgpu is marked lost" "pgpu [0-9]+ lost: GSP firmware halted"
	nv_check "$FW: core state says lost" lost
	t_fails "$FW: reset refused while a vGPU exists" "Device or resource busy" \
		5000 nv_write "$G/reset" 1
	nv_check "$FW: the dead vGPU can be removed" \
		nv_write "/sys/bus/mdev/devices/$U1/remove" 1
	t_fails "$FW: vGPU creation on the lost pgpu fails with -EIO" \
		"Input/output error" 5000 nv_write "$T/create" "$U1"
	nv_mark
	nv_check "$FW: reset the GSP" nv_write "$G/reset" 1
	nv_dmesg_has "$FW: the reset engine-resets the core" "GSP engine reset"
	nv_dmesg_has "$FW: the firmware booted again" "GSP reset: GSP-RM $FW booted again"
	nv_dmesg_has "$FW: the pgpu recovered" "pgpu [0-9]+ recovered"
	nv_check "$FW: core state says not lost" bash -c "! grep -q '^lost: yes' $(pgpu_dir)/state"
	nv_check "$FW: RPCs work after the reset" rpc 100000
	nv_check "$FW: a vGPU can be created after the reset" nv_write "$T/create" "$U1"
	nv_dmesg_has "$FW: the VFIO client was told of the recovery" \
		"recovered: vGPU devices open again"
	nv_check "$FW: the new vGPU opens as a VMM would" \
		"$NV_MODDIR/tools/vfio-hold" 0 "$U1"
	nv_check "$FW: and removed" nv_write "/sys/bus/mdev/devices/$U1/remove" 1

	echo "# $FW: status queue framing lost"
	nv_mark
	knob bad_elem_count 1
	t_fails "$FW: an RPC whose reply loses the framing fails" "Protocol error" \
		$((TIMEOUT_MS - 100)) rpc
	nv_dmesg_has "$FW: the broken queue is logged" "framing lost, queue broken"
	nv_check "$FW: the pgpu is lost" lost
	t_fails "$FW: RPCs fail before the timeout on the broken queue" \
		"No such device" $((TIMEOUT_MS - 100)) rpc
	# providers registered while the pgpu is lost attach when it recovers
	for m in vfio sched mm; do
		nv_check "$FW: unload $m while lost" nv_unload $m
	done
	for m in mm sched; do
		nv_check "$FW: load $m while lost" nv_load $m
	done
	nv_check "$FW: the partition provider waits for the recovery" \
		grep -q '^partition: -$' "$(pgpu_dir)/state"
	nv_check "$FW: reset brings it back" nv_write "$G/reset" 1
	nv_check "$FW: RPCs work after the reset" rpc
	nv_check "$FW: the partition provider attached on recovery" \
		nv_eventually grep -q '^partition: [a-z]' "$(pgpu_dir)/state"
	nv_check "$FW: the scheduler attached on recovery" \
		nv_eventually grep -q '^scheduler: [a-z]' "$(pgpu_dir)/state"
	nv_check "$FW: load vfio again" nv_load vfio
	nv_check "$FW: a vGPU can be created on the recovered stack" \
		nv_write "$T/create" "$U1"
	nv_check "$FW: and removed" nv_write "/sys/bus/mdev/devices/$U1/remove" 1

	echo "# $FW: reset of a healthy, idle GPU"
	nv_check "$FW: reset again" nv_write "$G/reset" 1
	nv_check "$FW: RPCs work" rpc 70000
	nv_check "$FW: the transport counted two resets or more" \
		bash -c "grep -Eq '^resets: ([2-9]|[1-9][0-9]+)$' $G/state"
	sed 's/^/# /' "$G/state"

	for m in vfio sched mm gsp_test gsp sim core; do
		nv_check "$FW: unload $m" nv_unload $m
	done
}

run_release 535.113.01
run_release 570.144
nv_unload_all
nv_done
