/* textfield_view.c: the text field drawn with SDL. */
#include "engine/sdl/textfield_view.h"

#include <stdlib.h>
#include <string.h>

#include "engine/core/utf8.h"

int tfv_height_for_lines(const Ui *ui, int lines)
{
    return txt_line_height(ui->text, FS_BODY) * lines + ui->unit;
}

/* Width in pixels of S[0, N). */
static int prefix_width(const Ui *ui, const char *s, size_t n)
{
    char buf[1200];
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, s, n);
    buf[n] = '\0';
    return txt_width(ui->text, FS_BODY, 0, buf);
}

/* The line holding byte OFFSET (a caret at a line's end belongs to that line). */
static int line_of(const WrapLine *lines, int n, size_t offset)
{
    for (int i = 0; i < n; i++)
        if (offset <= lines[i].start + lines[i].len && (i + 1 == n || offset < lines[i + 1].start))
            return i;
    return n > 0 ? n - 1 : 0;
}

/* The text as shown: the composition spliced in at the caret. Caller frees. */
static char *display_text(const TextField *tf, size_t *comp_at, size_t *comp_len)
{
    const char *text = tf_text(tf), *comp = tf_composition(tf);
    size_t caret = tf_caret(tf), tl = tf_length(tf), cl = strlen(comp);
    char *out = malloc(tl + cl + 1);
    if (!out)
        return NULL;
    memcpy(out, text, caret);
    memcpy(out + caret, comp, cl);
    memcpy(out + caret + cl, text + caret, tl - caret + 1);
    *comp_at = caret;
    *comp_len = cl;
    return out;
}

static void draw_selection(const Ui *ui, const TextField *tf, const char *shown,
                           const WrapLine *lines, int n, int first, Rect inner, int lh)
{
    size_t s0, s1;
    if (!tf_selection(tf, &s0, &s1))
        return;
    Color sel = ui->theme.focus;
    sel.a = 110;
    for (int i = first; i < n; i++) {
        int y = inner.y + (i - first) * lh;
        if (y + lh > inner.y + inner.h)
            break;
        size_t a = lines[i].start, b = lines[i].start + lines[i].len;
        if (s1 <= a || s0 >= b)
            continue;
        size_t from = s0 > a ? s0 : a, to = s1 < b ? s1 : b;
        int x0 = prefix_width(ui, shown + a, from - a), x1 = prefix_width(ui, shown + a, to - a);
        ui_fill(ui, (Rect){inner.x + x0, y, x1 - x0, lh}, sel);
    }
}

Rect tfv_draw(const Ui *ui, const TextField *tf, Rect r, const char *empty_hint, int focused)
{
    const Theme *t = &ui->theme;
    int u = ui->unit, lh = txt_line_height(ui->text, FS_BODY);
    ui_fill(ui, r, t->panel);
    ui_outline(ui, r, focused ? t->focus : t->border, focused ? 3 : 1);
    Rect inner = {r.x + u, r.y + u / 2, r.w - 2 * u, r.h - u};
    Rect caret = {inner.x, inner.y, 2, lh};
    size_t comp_at = 0, comp_len = 0;
    char *shown = display_text(tf, &comp_at, &comp_len);
    if (!shown)
        return caret;
    const WrapLine *lines;
    int n = txt_wrap(ui->text, FS_BODY, 0, shown, inner.w, &lines);
    WrapLine *copy = malloc(sizeof *copy * (size_t)(n ? n : 1)); /* txt_draw may not keep them */
    if (!copy) {
        free(shown);
        return caret;
    }
    memcpy(copy, lines, sizeof *copy * (size_t)n);
    size_t caret_at = comp_at + tf_composition_caret(tf);
    int visible = inner.h / lh > 0 ? inner.h / lh : 1;
    int cl = line_of(copy, n, caret_at);
    int first = cl >= visible ? cl - visible + 1 : 0;
    if (tf_length(tf) == 0 && comp_len == 0 && empty_hint)
        txt_draw_wrapped(ui->text, FS_BODY, 0, empty_hint, inner, t->hint);
    draw_selection(ui, tf, shown, copy, n, first, inner, lh);
    char buf[1200];
    for (int i = first; i < n && i - first < visible; i++) {
        size_t len = copy[i].len < sizeof buf - 1 ? copy[i].len : sizeof buf - 1;
        memcpy(buf, shown + copy[i].start, len);
        buf[len] = '\0';
        int y = inner.y + (i - first) * lh;
        txt_draw(ui->text, FS_BODY, 0, buf, inner.x, y, t->text);
        size_t a = copy[i].start, b = a + copy[i].len;
        if (comp_len && comp_at < b && comp_at + comp_len > a) { /* underline the composition */
            size_t from = comp_at > a ? comp_at : a,
                   to = comp_at + comp_len < b ? comp_at + comp_len : b;
            int x0 = prefix_width(ui, shown + a, from - a),
                x1 = prefix_width(ui, shown + a, to - a);
            ui_fill(ui, (Rect){inner.x + x0, y + lh - 3, x1 - x0, 2}, t->accent);
        }
    }
    if (n > 0) {
        caret.x = inner.x + prefix_width(ui, shown + copy[cl].start, caret_at - copy[cl].start);
        caret.y = inner.y + (cl - first) * lh;
    }
    const char *msg = tf_message(tf);
    if (*msg)
        txt_draw_wrapped(ui->text, FS_SMALL, 1, msg, (Rect){r.x, r.y + r.h + 2, r.w, lh * 2},
                         t->bad);
    free(copy);
    free(shown);
    return caret;
}

size_t tfv_hit(const Ui *ui, const TextField *tf, Rect r, int x, int y)
{
    int u = ui->unit, lh = txt_line_height(ui->text, FS_BODY);
    Rect inner = {r.x + u, r.y + u / 2, r.w - 2 * u, r.h - u};
    const char *text = tf_text(tf);
    const WrapLine *lines;
    int n = txt_wrap(ui->text, FS_BODY, 0, text, inner.w, &lines);
    if (n == 0)
        return 0;
    int visible = inner.h / lh > 0 ? inner.h / lh : 1;
    int cl = line_of(lines, n, tf_caret(tf));
    int first = cl >= visible ? cl - visible + 1 : 0;
    int i = y < inner.y ? first : first + (y - inner.y) / lh;
    int last = first + visible - 1 < n - 1 ? first + visible - 1 : n - 1;
    if (i > last)
        i = last;
    size_t a = lines[i].start, end = a + lines[i].len, best = a;
    int best_d = abs(x - inner.x);
    for (size_t k = a; k < end;) { /* the boundary whose x is nearest the click */
        size_t next = utf8_next(text, end, k);
        int d = abs(x - (inner.x + prefix_width(ui, text + a, next - a)));
        if (d < best_d) {
            best_d = d;
            best = next;
        }
        k = next;
    }
    return best;
}
