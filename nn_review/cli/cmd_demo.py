"""CLI verb ``demo packages OUT``: write the demo application packages (training, support, and the
installed bundle's smoke test, which has no Python of its own to make them)."""

from __future__ import annotations

from pathlib import Path


def register(cmds) -> None:
    d = cmds.top.add_parser("demo", help="演示数据").add_subparsers(dest="action", required=True)
    p = d.add_parser("packages", help="把演示申报包（.nnpkg）写入文件夹")
    p.add_argument("out", type=Path)
    p.add_argument("--valid-only", action="store_true", help="不写出演示用的拒收申报包")
    p.set_defaults(handler=_packages)


def _packages(args) -> int:
    from ..demo.packages import write_demo_packages
    paths = write_demo_packages(args.out, include_refused=not args.valid_only)
    for p in paths:
        print(p)
    print(f"已写出 {len(paths)} 个演示申报包到 {args.out}")
    return 0
