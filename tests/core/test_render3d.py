"""The 3-D view's maths: height transforms, the mesh, colours and draped trails."""

import numpy as np
import pytest

from optim_core import surfaces
from optim_core.render import heights, mesh3d
from optim_core.render.surface_display import prepare


def _grid(name="rosenbrock", n=33):
    s = surfaces.get(name)
    (x0, x1), (y0, y1) = s.bounds
    x, y = np.linspace(x0, x1, n), np.linspace(y0, y1, n)
    xx, yy = np.meshgrid(x, y)
    return s, x, y, s.value(np.stack([xx, yy], -1))


def test_auto_height_is_log_where_the_colours_are_log():
    _, _, _, z = _grid("rosenbrock")
    m = heights.choose_height(z)
    assert m.kind == "log" and "log" in m.label()
    h = m(z)
    assert h.min() == 0.0 and h.max() == 1.0
    # The valley floor is no longer squashed flat: its median height is well above 0.
    assert np.median(h) > 0.4


def test_auto_height_is_linear_for_a_bowl_and_clipped_for_a_few_tall_corners():
    _, _, _, z = _grid("saddle")
    assert heights.choose_height(z).kind == "linear"
    spiky = np.linspace(0, 10, 400).reshape(20, 20)
    spiky[0, :3] = 45.0  # a few samples far above the rest, not enough for log colours
    m = heights.choose_height(spiky)
    assert m.kind == "clipped" and m.hi < 45 and "clipped" in m.label()
    assert m(np.array([45.0, m.hi]))[0] == 1.0


@pytest.mark.parametrize("kind", ["linear", "log", "clipped"])
def test_heights_are_monotone_and_invert_on_the_kept_range(kind):
    _, _, _, z = _grid("rosenbrock")
    m = heights.choose_height(z, kind)
    f = np.sort(z.ravel())
    h = m(f)
    assert np.all(np.diff(h) >= 0)
    kept = (h > 0) & (h < 1)
    np.testing.assert_allclose(m.value_at(h[kept]), f[kept], rtol=1e-9)


def test_unknown_height_kind_is_refused():
    with pytest.raises(ValueError, match="unknown height transform"):
        heights.choose_height(np.zeros((3, 3)), "cubic")


def test_mesh_height_equals_the_drawn_triangles_at_vertices_and_inside():
    rng = np.random.default_rng(0)
    x, y = np.linspace(-1, 2, 7), np.linspace(0, 1, 5)
    h = rng.random((5, 7))
    xx, yy = np.meshgrid(x, y)
    np.testing.assert_allclose(mesh3d.mesh_height(x, y, h, np.stack([xx, yy], -1)), h)
    # A point inside a triangle is the barycentric mix of that triangle's corners.
    box = mesh3d.scene_box(((-1, 2), (0, 1)))
    verts = mesh3d.mesh_vertices(box, x, y, h).astype(float)
    faces = mesh3d.mesh_faces(5, 7)
    w = rng.dirichlet([1, 1, 1], size=len(faces))
    pts = np.einsum("fk,fkd->fd", w, verts[faces])
    xy = np.stack([pts[:, 0] * box.s + box.cx, pts[:, 1] * box.s + box.cy], -1)
    np.testing.assert_allclose(mesh3d.mesh_height(x, y, h, xy), pts[:, 2], atol=1e-6)


def test_a_draped_trail_never_sinks_under_the_mesh_even_across_a_ridge():
    x, y = np.linspace(0, 4, 5), np.linspace(0, 4, 5)
    h = np.zeros((5, 5))
    h[:, 2] = 1.0  # a ridge along x = 2
    box = mesh3d.scene_box(((0, 4), (0, 4)))
    trail = np.array([[0.0, 1.0], [4.0, 1.5]])  # one long step straight over the ridge
    draped = mesh3d.drape(box, x, y, h, trail)
    assert len(draped) > 2  # subdivided
    # Densely along the drawn polyline, it stays above the mesh.
    seg = np.linspace(0, 1, 50)[:, None]
    pairs = zip(draped[:-1], draped[1:], strict=True)
    dense = np.concatenate([a + seg * (b - a) for a, b in pairs])
    xy = np.stack([dense[:, 0] * box.s + box.cx, dense[:, 1] * box.s + box.cy], -1)
    under = mesh3d.mesh_height(x, y, h, xy) * mesh3d.Z_TOP
    assert np.all(dense[:, 2] >= under + 0.99 * mesh3d.LIFT - 1e-6)


def test_drape_drops_non_finite_points_and_keeps_the_ends():
    x = y = np.linspace(0, 1, 3)
    h = np.zeros((3, 3))
    box = mesh3d.scene_box(((0, 1), (0, 1)))
    out = mesh3d.drape(box, x, y, h, np.array([[0, 0], [0.5, 0.5], [np.nan, np.inf]]))
    assert np.isfinite(out).all()
    np.testing.assert_allclose(out[[0, -1], :2], [[-1, -1], [0, 0]], atol=1e-6)


def test_vertex_colours_are_the_2d_images_colours():
    _, x, y, z = _grid("rosenbrock")
    d = prepare(x, y, z, None, 0)
    lut = np.stack([np.arange(256), 255 - np.arange(256), np.full(256, 7)], 1).astype(np.uint8)
    rgba = mesh3d.vertex_colors(d, lut)
    assert rgba.shape == (z.size, 4)
    k = np.argmin(z)
    assert rgba[k, 0] == 0 and rgba[k, 1] == 1.0  # the minimum takes the map's first entry
    t = (d.image.ravel() - d.lo) / (d.hi - d.lo)
    np.testing.assert_allclose(rgba[:, 0], np.round(t * 255) / 255, atol=1 / 255 + 1e-6)


def test_vertices_where_f_is_undefined_are_grey():
    from optim_core import surfaces

    s = surfaces.from_expression("log(x) + y**2", ((-1, 1), (-1, 1)))
    x = y = np.linspace(-1, 1, 9)
    z = s.grid(x, y)
    d = prepare(x, y, z, None, 0)
    lut = np.stack([np.arange(256), 255 - np.arange(256), np.full(256, 7)], 1).astype(np.uint8)
    rgba = mesh3d.vertex_colors(d, lut).reshape(9, 9, 4)
    assert (rgba[:, x <= 0, :3] == np.float32(mesh3d.UNDEFINED_GREY)).all()
    assert not (rgba[:, x > 0, :3] == np.float32(mesh3d.UNDEFINED_GREY)).all(axis=-1).any()


def test_scene_box_keeps_the_aspect_and_fills_the_longer_side():
    box = mesh3d.scene_box(((0, 4), (10, 12)))
    p = box.to_scene(np.array([[0, 10], [4, 12]]), np.array([0, 1]))
    np.testing.assert_allclose(p, [[-1, -0.5, 0], [1, 0.5, mesh3d.Z_TOP]])
    assert box.half_sides(((0, 4), (10, 12))) == (1.0, 0.5)


def test_a_trail_leaving_the_grid_stops_at_its_edge():
    x = y = np.linspace(-1, 1, 5)
    h = np.zeros((5, 5))
    box = mesh3d.scene_box(((-1, 1), (-1, 1)))
    trail = np.array([[0.0, 0.0], [0.5, 0.5], [2.0, 0.5], [9.0, 9.0]])
    cut = mesh3d.inside_grid(trail, x, y)
    np.testing.assert_allclose(cut[:3], [[0, 0], [0.5, 0.5], [1.0, 0.5]])
    assert np.isnan(cut[3]).all()
    out = mesh3d.drape(box, x, y, h, trail)
    assert np.all(np.abs(out[:, :2]) <= 1 + 1e-6)  # never drawn beyond the mesh
    np.testing.assert_allclose(out[-1, :2], [1.0, 0.5], atol=1e-6)
