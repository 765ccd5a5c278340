#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# vGPU types as NVIDIA ships them: the simulated L40S reads its catalogue
# from the metadata file tools/nvvgpu-vgpu-types writes
# (Documentation/nvvgpu-vgpu-types.rst). mdevctl and the sysfs description
# show what the file says; available_instances counts down exactly; a
# corrupted file (checksum, truncation, another board, bad magic, missing)
# is refused with a log line and no type is offered; a good file afterwards
# works again.
set -u
. "$(dirname "$0")/lib.sh"
shopt -s extglob

GEN=$NV_TOP/tools/nvvgpu-vgpu-types/nvvgpu-vgpu-types
TABLE=$NV_TOP/tools/nvvgpu-vgpu-types/l40s.table
GOOD=$NV_MODDIR/firmware/nvidia/nvvgpu/vgpu-l40s.bin
# a VM-local firmware directory the scenario may spoil
NV_FW_DIR=/run/nvvgpu-fw
FILE=$NV_FW_DIR/nvidia/nvvgpu/vgpu-l40s.bin
U1=9e1f0c2a-5b7d-4e21-8c3a-7d1e0b2f0001
U2=9e1f0c2a-5b7d-4e21-8c3a-7d1e0b2f0002
U3=9e1f0c2a-5b7d-4e21-8c3a-7d1e0b2f0003

mkdir -p "${FILE%/*}"
cp "$GOOD" "$FILE"

load_stack() {
	nv_load core && nv_load sim "$@" && nv_load gsp && nv_load mm &&
		nv_load sched && nv_load vfio
}

num_types() {
	local n=0 d
	for d in /sys/class/mdev_bus/nvvgpu_core.vfio.0/mdev_supported_types/*; do
		[[ -e $d ]] && n=$((n + 1))
	done
	echo "$n"
}

echo "# the good file"
nv_mark
nv_check "load the stack" load_stack
nv_dmesg_has "sim names the board" "simulated NVIDIA L40S: 49152 MiB FB"
nv_dmesg_has "sim read the file" "30 vGPU types from nvidia/nvvgpu/vgpu-l40s.bin"
nv_check "30 mdev types" test "$(num_types)" -eq 30
MT=$(mdevctl types 2>&1)
nv_check "mdevctl types lists NVIDIA L40S-4Q" grep -q "Name: NVIDIA L40S-4Q$" <<<"$MT"
nv_check "mdevctl types lists NVIDIA L40S-48C" grep -q "Name: NVIDIA L40S-48C$" <<<"$MT"
nv_check "mdevctl types lists 30 NVIDIA L40S names" \
	test "$(grep -c 'Name: NVIDIA L40S-[0-9]*[QBAC]$' <<<"$MT")" -eq 30
nv_check "mdevctl shows the license" grep -q "license=GRID-Virtual-Apps,3.0" <<<"$MT"

# every type's name and description against the file, read back by the
# generator: id "name" class profile fb heap max heads WxH fps bar1 dev:sub lic
P=/sys/class/mdev_bus/nvvgpu_core.vfio.0/mdev_supported_types
bad=0
while IFS= read -r line; do
	[[ $line == \#* ]] && continue
	id=${line%% *}
	name=${line#*\"}
	name=${name%%\"*}
	read -r class profile fb _ max heads res fps bar1 ids lic <<<"${line##*\" }"
	d=$P/nvvgpu_vfio-$id
	# builtins only: a fork costs about a second under TCG
	head="class=$class, framebuffer=${fb}M, max_instance=$max, bar1=${bar1}M, channels="
	tail=", device=10de:${ids%%:*}, subsystem=10de:${ids##*:}, profile=${profile}M, num_heads=$heads, max_resolution=$res, frl_config=$fps, license=$lic"
	read -r got_name <"$d/name"
	read -r got_desc <"$d/description"
	if [[ $got_name != "$name" || $got_desc != "$head"+([0-9])"$tail" ]]; then
		echo "# type $id: $got_name: $got_desc"
		echo "#   wanted $name: $head<n>$tail"
		bad=$((bad + 1))
	fi
done < <(python3 "$GEN" --dump "$FILE")
nv_check "every name and description match the file" test "$bad" -eq 0
nv_check "4C is compute without a frame-rate limit" \
	grep -q "class=Compute, framebuffer=3936M, max_instance=12, .*num_heads=1, max_resolution=3840x2400, frl_config=0," "$P/nvvgpu_vfio-1167/description"

echo "# available_instances counts down exactly (24Q: 2 per GPU)"
T=$P/nvvgpu_vfio-1155
nv_check "24Q: 2 available" test "$(<"$T/available_instances")" -eq 2
nv_check "create a 24Q" nv_write "$T/create" "$U1"
nv_check "24Q: 1 available" test "$(<"$T/available_instances")" -eq 1
nv_check "48Q: none beside a 24Q" test "$(<"$P/nvvgpu_vfio-1156/available_instances")" -eq 0
nv_check "create a second 24Q" nv_write "$T/create" "$U2"
nv_check "24Q: 0 available" test "$(<"$T/available_instances")" -eq 0
nv_fails "a third 24Q is refused" "" nv_write "$T/create" "$U3"
nv_check "remove the 24Qs" bash -c "echo 1 >/sys/bus/mdev/devices/$U1/remove && echo 1 >/sys/bus/mdev/devices/$U2/remove"
nv_check "24Q: 2 available again" test "$(<"$T/available_instances")" -eq 2
nv_unload_all

# refuse: load the stack on a spoilt file; the reason is in dmesg, the pgpu
# is up (its mdev parent exists) and offers no type
refused() {
	local what=$1 why=$2
	shift 2
	nv_mark
	nv_check "$what: stack loads" load_stack "$@"
	nv_dmesg_has "$what: dmesg says why" "$why"
	nv_dmesg_has "$what: no vGPU types" "no vGPU types"
	nv_check "$what: the pgpu is up (its vfio device exists)" test -d /sys/bus/auxiliary/devices/nvvgpu_core.vfio.0
	nv_check "$what: no type offered" test "$(num_types)" -eq 0
	nv_check "$what: mdevctl lists no NVIDIA type" \
		bash -c '! mdevctl types 2>&1 | grep -q "NVIDIA L40S"'
	nv_unload_all
}

echo "# a bad checksum"
cp "$GOOD" "$FILE"
python3 - "$FILE" <<'EOF'
import sys
p = sys.argv[1]
b = bytearray(open(p, "rb").read())
b[64 + 4] ^= 0x01          # entry 0's max_instances
open(p, "wb").write(b)
EOF
refused "bad checksum" "vgpu-l40s.bin refused: checksum"

echo "# a truncated file"
head -c 1000 "$GOOD" >"$FILE"
refused "truncated" "refused: 1000 bytes, 30 entries need 7744"

echo "# another board's file"
python3 "$GEN" --device 2236 -o "$FILE" "$TABLE"
refused "wrong board" "refused: for NVIDIA L40S 10de:2236 .* not this board 10de:26b9"

echo "# bad magic"
cp "$GOOD" "$FILE"
printf 'X' | dd of="$FILE" bs=1 seek=0 conv=notrunc status=none
refused "bad magic" "refused: bad magic"

echo "# no file"
refused "missing file" "vgpu-none.bin not loaded: -(2|ENOENT);" \
	vgpu_types_file=nvidia/nvvgpu/vgpu-none.bin

echo "# the good file again"
cp "$GOOD" "$FILE"
nv_mark
nv_check "load the stack" load_stack
nv_check "30 mdev types again" test "$(num_types)" -eq 30
nv_check "create a 4Q" nv_write "$P/nvvgpu_vfio-1150/create" "$U1"
nv_check "4Q: 11 available" test "$(<"$P/nvvgpu_vfio-1150/available_instances")" -eq 11
nv_check "remove it" nv_write "/sys/bus/mdev/devices/$U1/remove" 1
nv_unload_all

nv_done
