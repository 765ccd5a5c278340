#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Deployment profiles: a VFIO-only host, a DRM-only host and everything,
# each exercised, then unloaded in reverse order and in a hostile order
# (providers and the backend while vGPUs use them).
set -u
. "$(dirname "$0")/lib.sh"

U1=3b1c6b5e-0d6f-4a53-9d0a-5a2b6d1e0001
U2=3b1c6b5e-0d6f-4a53-9d0a-5a2b6d1e0002
U3=3b1c6b5e-0d6f-4a53-9d0a-5a2b6d1e0003

first_type() { nv_mdev_types | head -1; }

echo "# profile 1: VFIO-only host (no nvvgpu_drm)"
nv_check "load core" nv_load core
nv_check "load sim" nv_load sim num_gpus=1
nv_check "load gsp" nv_load gsp
nv_check "load mm" nv_load mm
nv_check "load sched" nv_load sched
nv_check "load vfio" nv_load vfio
T=$(first_type)
nv_check "an mdev type exists" test -n "$T"
nv_mark
nv_check "create a vGPU" nv_write "$T/create" "$U1"
nv_check "mdev device exists" test -e "/sys/bus/mdev/devices/$U1"
nv_dmesg_has "dmesg names the modules the vGPU pins" "pins nvvgpu_gsp, nvvgpu_mm and nvvgpu_sched"
nv_check "no DRM node without nvvgpu_drm" test "$(nv_render_nodes)" -eq 0
nv_mark
nv_fails "rmmod gsp with a vGPU is refused" "in use" rmmod nvvgpu_gsp
nv_fails "rmmod mm with a vGPU is refused" "in use" rmmod nvvgpu_mm
nv_fails "rmmod sched with a vGPU is refused" "in use" rmmod nvvgpu_sched
nv_fails "rmmod core under its users is refused" "in use" rmmod nvvgpu_core
nv_check "gsp still holds a reference per vGPU" \
	bash -c '[ "$(cat /sys/module/nvvgpu_gsp/refcnt)" -ge 1 ]'
echo "# hostile: remove the backend under a live vGPU"
nv_mark
nv_check "rmmod sim under a vGPU detaches cleanly" nv_unload sim
nv_dmesg_has "dmesg says the vGPU was destroyed" "vgpu .* destroyed"
nv_dmesg_has "dmesg says the providers detached" "transport provider 'gsp' detached"
nv_check "mdev device is gone" test ! -e "/sys/bus/mdev/devices/$U1"
nv_check "gsp reference dropped" bash -c '[ "$(cat /sys/module/nvvgpu_gsp/refcnt)" -eq 0 ]'
for m in vfio sched mm gsp core; do
	nv_check "unload $m" nv_unload $m
done

echo "# profile 2: DRM-only host (no nvvgpu_vfio, no mm/sched)"
nv_check "load core" nv_load core
nv_check "load gsp before the GPU exists" nv_load gsp
nv_check "load drm" nv_load drm
nv_check "load sim (attach replays)" nv_load sim num_gpus=2
nv_check "a render node per GPU" test "$(nv_render_nodes)" -eq 2
nv_check "drm_info sees nvvgpu" bash -c 'drm_info 2>/dev/null | grep -q nvvgpu'
nv_check "no mdev parent without nvvgpu_vfio" test -z "$(first_type)"
for m in drm sim gsp core; do
	nv_check "unload $m" nv_unload $m
done

echo "# profile 3: everything, two GPUs"
for m in core sim gsp mm sched vfio drm; do
	args=()
	[[ $m == sim ]] && args=(num_gpus=2)
	nv_check "load $m" nv_load $m "${args[@]}"
done
mapfile -t TYPES < <(nv_mdev_types)
nv_check "types on both GPUs" test "$(nv_mdev_types | sed 's,/mdev_supported_types/.*,,' | sort -u | wc -l)" -eq 2
nv_check "create vGPU 1" nv_write "${TYPES[0]}/create" "$U1"
nv_check "create vGPU 2" nv_write "${TYPES[0]}/create" "$U2"
nv_check "create vGPU 3 on the 2nd GPU" nv_write "${TYPES[-1]}/create" "$U3"
nv_check "remove vGPU 2" nv_write "/sys/bus/mdev/devices/$U2/remove" 1
nv_mark
nv_check "unload drm" nv_unload drm
nv_check "unload vfio with vGPUs (clients destroy them)" nv_unload vfio
nv_dmesg_has "vGPUs destroyed on vfio unload" "vgpu .* destroyed"
for m in sched mm gsp sim core; do
	nv_check "unload $m" nv_unload $m
done
nv_check "nothing of nvvgpu left loaded" bash -c '! grep -q "^nvvgpu" /proc/modules'
nv_done
