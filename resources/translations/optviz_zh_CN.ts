<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ColorButton</name>
    <message>
        <source>Colour of this run (click to change)</source>
        <extracomment>Slider positions between min and max (fine enough that a drag feels continuous).</extracomment>
        <translation>这条运行的颜色（点击更改）</translation>
    </message>
    <message>
        <source>Run colour</source>
        <translation>运行的颜色</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>See gradient-based optimizers race across real loss surfaces.</source>
        <translation>观看基于梯度的优化器在真实的损失曲面上竞赛。</translation>
    </message>
    <message>
        <source>headless commands:</source>
        <translation>无界面命令：</translation>
    </message>
    <message>
        <source>an experiment file (*.optviz.json) to open</source>
        <translation>要打开的实验文件（*.optviz.json）</translation>
    </message>
    <message>
        <source>open without starting the race</source>
        <translation>打开后不开始竞赛</translation>
    </message>
    <message>
        <source>interface language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>optviz: error: {message}</source>
        <translation>optviz：错误：{message}</translation>
    </message>
    <message>
        <source>Record a race to MP4, GIF or PNG frames, headless</source>
        <translation>无界面地把竞赛录制为 MP4、GIF 或 PNG 帧</translation>
    </message>
    <message>
        <source>The format follows --out: .mp4 (H.264, yuv420p; even sizes), .gif (one global
palette, looping; at most 50 fps), .zip (numbered PNG frames) or a folder name
without a suffix (numbered PNG frames in a new folder).

Frames: frame 0 shows the start; each next frame is --steps-per-frame steps on.
Without --frames, the animation runs until --steps (ceil(steps / spf) + 1 frames).
With --frames but no --steps-per-frame, the steps are spread over the frames.

Learning rates: each optimizer kind takes the hyper-parameters of the same kind in
the base experiment (the saved one, or the built-in Rosenbrock race), else the
optimizer&apos;s defaults; --lr overrides them.

Examples:
  python main.py export --surface rosenbrock --optimizers sgd,momentum,adam \
      --lr sgd=0.001 --lr momentum=0.001 --lr adam=0.05 --steps 600 --out race.mp4
  python main.py export --experiment resources/presets/saddle_escape.optviz.json \
      --size 480x360 --fps 20 --out saddle.gif
  python main.py export --surface &quot;f: a*x**2 + 10*y**2&quot; --param a=1 --bounds -3,3,-2,2 \
      --optimizers sgd,momentum --out typed.gif
</source>
        <translation>格式由 --out 决定：.mp4（H.264，yuv420p；宽高须为偶数）、.gif（一个全局
调色板，循环播放；最多 50 fps）、.zip（编号的 PNG 帧），或不带后缀的文件夹名
（在新文件夹中写入编号的 PNG 帧）。

帧：第 0 帧显示起点；之后每一帧前进 --steps-per-frame 步。
不给 --frames 时，动画一直录到 --steps（共 ceil(steps / spf) + 1 帧）。
给了 --frames 但没给 --steps-per-frame 时，各步均匀分配到各帧。

学习率：每种优化器沿用基础实验（保存的实验，或内置的 Rosenbrock 竞赛）中
同种运行的超参数，否则用该优化器的默认值；--lr 可以覆盖它们。

示例：
  python main.py export --surface rosenbrock --optimizers sgd,momentum,adam \
      --lr sgd=0.001 --lr momentum=0.001 --lr adam=0.05 --steps 600 --out race.mp4
  python main.py export --experiment resources/presets/saddle_escape.optviz.json \
      --size 480x360 --fps 20 --out saddle.gif
  python main.py export --surface &quot;f: a*x**2 + 10*y**2&quot; --param a=1 --bounds -3,3,-2,2 \
      --optimizers sgd,momentum --out typed.gif
</translation>
    </message>
    <message>
        <source>what to record</source>
        <translation>录制什么</translation>
    </message>
    <message>
        <source>a saved *.optviz.json experiment (the options below override it)</source>
        <translation>保存的 *.optviz.json 实验（下面的选项会覆盖它）</translation>
    </message>
    <message>
        <source>the box of a typed surface --surface &quot;f: EXPR&quot; (default -3,3,-3,3)</source>
        <translation>自定义曲面 --surface &quot;f: EXPR&quot; 的范围（默认 -3,3,-3,3）</translation>
    </message>
    <message>
        <source>a named parameter of a typed surface; repeat for several</source>
        <translation>自定义曲面的一个具名参数；可重复给出多个</translation>
    </message>
    <message>
        <source>a surface by name (see --list), or a typed one &quot;f: EXPR&quot; in x, y (+ - * / **, sin cos tan exp log sqrt abs tanh sinh cosh arctan min max, pi, e); default: the experiment&apos;s, or rosenbrock</source>
        <translation>按名称指定的曲面（见 --list），或关于 x、y 的自定义曲面 &quot;f: EXPR&quot;（+ - * / **、sin cos tan exp log sqrt abs tanh sinh cosh arctan min max、pi、e）；默认：实验中的曲面，否则为 rosenbrock</translation>
    </message>
    <message>
        <source>comma-separated optimizer kinds, one run each (e.g. sgd,momentum,adam); default: the experiment&apos;s runs</source>
        <translation>逗号分隔的优化器种类，每种一条运行（例如 sgd,momentum,adam）；默认：实验中的运行</translation>
    </message>
    <message>
        <source>learning rate of runs of that kind or label (adam=0.05), or of every run (0.01); repeat for several</source>
        <translation>指定种类或标签的运行的学习率（adam=0.05），或所有运行的学习率（0.01）；可重复给出多个</translation>
    </message>
    <message>
        <source>a start point; repeat for several (default: the surface&apos;s own)</source>
        <translation>一个起点；可重复给出多个（默认：曲面自己的起点）</translation>
    </message>
    <message>
        <source>optimizer steps to record (default: the experiment&apos;s)</source>
        <translation>要录制的优化步数（默认：实验中的步数）</translation>
    </message>
    <message>
        <source>list surfaces, optimizers and colour maps, then exit</source>
        <translation>列出曲面、优化器和颜色映射，然后退出</translation>
    </message>
    <message>
        <source>the animation</source>
        <translation>动画</translation>
    </message>
    <message>
        <source>output file (.mp4, .gif, .zip) or a new folder for PNG frames</source>
        <translation>输出文件（.mp4、.gif、.zip），或存放 PNG 帧的新文件夹</translation>
    </message>
    <message>
        <source>frames per second (default 30)</source>
        <translation>每秒帧数（默认 30）</translation>
    </message>
    <message>
        <source>frame size in pixels (default 640x480)</source>
        <translation>帧的像素尺寸（默认 640x480）</translation>
    </message>
    <message>
        <source>number of frames</source>
        <translation>帧数</translation>
    </message>
    <message>
        <source>optimizer steps between frames (default: the experiment&apos;s)</source>
        <translation>相邻两帧之间的优化步数（默认：实验中的设置）</translation>
    </message>
    <message>
        <source>a title banner on every frame (default: none)</source>
        <translation>每一帧上的标题横幅（默认：无）</translation>
    </message>
    <message>
        <source>draw the training curves (loss, |∇f|, step size, distance to the minimum) beside the surface</source>
        <translation>在曲面旁绘制训练曲线（损失、|∇f|、步长、到极小值的距离）</translation>
    </message>
    <message>
        <source>surface colour map (see --list)</source>
        <translation>曲面的颜色映射（见 --list）</translation>
    </message>
    <message>
        <source>draw the surface in 2-D (default), 3-D, or both side by side; 3-D needs OpenGL and a display (DISPLAY, e.g. under xvfb-run)</source>
        <translation>以二维（默认）、三维或并排两者绘制曲面；三维需要 OpenGL 和显示器（DISPLAY，例如在 xvfb-run 下）</translation>
    </message>
    <message>
        <source>turn the 3-D camera this many degrees about the vertical over the animation (default 0)</source>
        <translation>动画过程中让三维相机绕竖直轴旋转这么多度（默认 0）</translation>
    </message>
    <message>
        <source>no progress line on stderr</source>
        <translation>不在 stderr 上显示进度行</translation>
    </message>
    <message>
        <source>language of the text drawn into the frames and of these messages</source>
        <translation>帧中绘制的文字和这些消息的语言</translation>
    </message>
    <message>
        <source>optviz export: internal error (a bug in optviz, please report it):</source>
        <translation>optviz export：内部错误（optviz 的缺陷，请报告）：</translation>
    </message>
    <message>
        <source>wrote {path} ({frames} frames, steps 0 to {last}, {size}, {seconds} s at {fps} fps) in {took} s</source>
        <translation>已写入 {path}（{frames} 帧，第 0 到第 {last} 步，{size}，{seconds} 秒，{fps} fps），用时 {took} 秒</translation>
    </message>
    <message>
        <source>optviz export: error: {message}</source>
        <translation>optviz export：错误：{message}</translation>
    </message>
    <message>
        <source>; give it a display (DISPLAY, e.g. xvfb-run)</source>
        <translation>；请提供显示器（DISPLAY，例如 xvfb-run）</translation>
    </message>
    <message>
        <source>the 3-D view needs OpenGL: {reason}</source>
        <translation>三维视图需要 OpenGL：{reason}</translation>
    </message>
    <message>
        <source>optviz export: stopped; nothing was written</source>
        <translation>optviz export：已停止；没有写入任何文件</translation>
    </message>
    <message>
        <source>export {name}</source>
        <translation>导出 {name}</translation>
    </message>
    <message>
        <source>argument {argument}: {message}</source>
        <extracomment>The interface languages ``--lang`` takes (the GUI&apos;s Language menu offers the same). argparse&apos;s own messages (as in its source: %-fields) and each one&apos;s translatable text, whose {fields} take the %-fields&apos; values in order.</extracomment>
        <translation>参数 {argument}：{message}</translation>
    </message>
    <message>
        <source>unrecognized arguments: {arguments}</source>
        <translation>无法识别的参数：{arguments}</translation>
    </message>
    <message>
        <source>the following arguments are required: {arguments}</source>
        <translation>缺少以下必需参数：{arguments}</translation>
    </message>
    <message>
        <source>one of the arguments {arguments} is required</source>
        <translation>必须给出参数 {arguments} 之一</translation>
    </message>
    <message>
        <source>not allowed with argument {argument}</source>
        <translation>不能与参数 {argument} 同时使用</translation>
    </message>
    <message>
        <source>ignored explicit argument {value}</source>
        <translation>忽略了显式给出的参数值 {value}</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个参数值</translation>
    </message>
    <message>
        <source>expected at most one argument</source>
        <translation>最多需要一个参数值</translation>
    </message>
    <message>
        <source>expected at least one argument</source>
        <translation>至少需要一个参数值</translation>
    </message>
    <message>
        <source>expected {count} arguments</source>
        <translation>需要 {count} 个参数值</translation>
    </message>
    <message>
        <source>ambiguous option: {option} could match {matches}</source>
        <translation>选项有歧义：{option} 可以匹配 {matches}</translation>
    </message>
    <message>
        <source>invalid {type} value: {value}</source>
        <translation>无效的 {type} 值：{value}</translation>
    </message>
    <message>
        <source>invalid choice: {value} (choose from {choices})</source>
        <translation>无效的选择：{value}（可选：{choices}）</translation>
    </message>
    <message>
        <source>usage: </source>
        <extracomment>A Chinese character (or full-width punctuation), a run of other text, or a space. Punctuation that never starts a line: it stays with the text before it.</extracomment>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示此帮助信息并退出</translation>
    </message>
    <message>
        <source>{prog}: error: {message}</source>
        <translation>{prog}：错误：{message}</translation>
    </message>
    <message>
        <source>{text}.</source>
        <translation>{text}。</translation>
    </message>
    <message>
        <source>{what}: {codes} (default: the language chosen in the app, else the system&apos;s)</source>
        <translation>{what}：{codes}（默认：应用中选择的语言，否则为系统语言）</translation>
    </message>
    <message>
        <source>{text} is not a size like 640x480</source>
        <extracomment>``--surface &quot;f: EXPR&quot;`` names a typed surface. A comma-separated list of numbers that starts with a minus sign.</extracomment>
        <translation>{text} 不是 640x480 这样的尺寸</translation>
    </message>
    <message>
        <source>--out is required (e.g. --out race.mp4)</source>
        <translation>必须给出 --out（例如 --out race.mp4）</translation>
    </message>
    <message>
        <source>no runs to record: give --optimizers (e.g. sgd,momentum,adam)</source>
        <translation>没有可录制的运行：请给出 --optimizers（例如 sgd,momentum,adam）</translation>
    </message>
    <message>
        <source>--colormap: unknown {name}; one of {names}</source>
        <translation>--colormap：未知的 {name}；可选 {names}</translation>
    </message>
    <message>
        <source>surfaces:</source>
        <translation>曲面：</translation>
    </message>
    <message>
        <source>a random plane through a linear classifier&apos;s weights (bundled digits, softmax)</source>
        <translation>过线性分类器权重的随机平面（自带的 digits 数据集，softmax）</translation>
    </message>
    <message>
        <source>a typed surface f(x, y), e.g. {example}</source>
        <translation>自定义曲面 f(x, y)，例如 {example}</translation>
    </message>
    <message>
        <source>optimizers:</source>
        <translation>优化器：</translation>
    </message>
    <message>
        <source>colour maps:</source>
        <translation>颜色映射：</translation>
    </message>
    <message>
        <source>--surface: unknown {name}; one of {names}, or a typed surface {example}</source>
        <translation>--surface：未知的 {name}；可选 {names}，或自定义曲面 {example}</translation>
    </message>
    <message>
        <source>{option}: only for a typed surface ({example})</source>
        <translation>{option}：只用于自定义曲面（{example}）</translation>
    </message>
    <message>
        <source>--bounds {value}: expected X0,X1,Y0,Y1 such as -3,3,-2,2</source>
        <translation>--bounds {value}：应为 X0,X1,Y0,Y1，例如 -3,3,-2,2</translation>
    </message>
    <message>
        <source>--param {value}: expected NAME=VALUE such as a=1</source>
        <translation>--param {value}：应为 NAME=VALUE，例如 a=1</translation>
    </message>
    <message>
        <source>--optimizers: {count} runs; at most {limit}</source>
        <translation>--optimizers：{count} 条运行；最多 {limit} 条</translation>
    </message>
    <message>
        <source>--optimizers: unknown {name}; one of {names}</source>
        <translation>--optimizers：未知的 {name}；可选 {names}</translation>
    </message>
    <message>
        <source>--lr {value}: {rate} is not a number</source>
        <translation>--lr {value}：{rate} 不是数字</translation>
    </message>
    <message>
        <source>--lr {value}: no run {run}; runs: {runs}</source>
        <translation>--lr {value}：没有运行 {run}；现有运行：{runs}</translation>
    </message>
    <message>
        <source>--lr {value}: {kind} has no learning rate</source>
        <translation>--lr {value}：{kind} 没有学习率</translation>
    </message>
    <message>
        <source>--lr {value}: must be in [{lo}, {hi}]</source>
        <translation>--lr {value}：必须在 [{lo}, {hi}] 之内</translation>
    </message>
    <message>
        <source>--start {value}: expected X,Y such as -1.2,1</source>
        <translation>--start {value}：应为 X,Y，例如 -1.2,1</translation>
    </message>
    <message>
        <source>--start {value}: must be finite</source>
        <translation>--start {value}：必须是有限值</translation>
    </message>
    <message>
        <source>--start {value}: coordinates must be in [{lo}, {hi}]</source>
        <translation>--start {value}：坐标必须在 [{lo}, {hi}] 之内</translation>
    </message>
    <message>
        <source>{option} {value}: must be in [{lo}, {hi}]</source>
        <translation>{option} {value}：必须在 [{lo}, {hi}] 之内</translation>
    </message>
    <message>
        <source>--orbit {value}: must be within ±{limit} degrees</source>
        <translation>--orbit {value}：必须在 ±{limit} 度以内</translation>
    </message>
    <message>
        <source>--orbit turns the 3-D camera: use it with --view 3d or --view both</source>
        <translation>--orbit 旋转的是三维相机：请与 --view 3d 或 --view both 一起使用</translation>
    </message>
</context>
<context>
    <name>CurvesPanel</name>
    <message>
        <source>loss</source>
        <extracomment>(key, title, y label with {f} for the function&apos;s letter) of the four plots.</extracomment>
        <translation>损失</translation>
    </message>
    <message>
        <source>gradient norm</source>
        <translation>梯度范数</translation>
    </message>
    <message>
        <source>step size (adaptive: mean η/(√v+ε))</source>
        <translation>步长（自适应方法：η/(√v+ε) 的均值）</translation>
    </message>
    <message>
        <source>distance to nearest minimum</source>
        <translation>到最近极小值的距离</translation>
    </message>
    <message>
        <source>loss, |∇f| and step size on log axes; the loss becomes f − f* where a minimum f* is known</source>
        <extracomment>Fastest redraw while the race plays (ms): about 10 a second is smooth to read.</extracomment>
        <translation>损失、|∇f| 和步长用对数坐标；已知最小值 f* 时，损失显示为 f − f*</translation>
    </message>
    <message>
        <source>log y</source>
        <translation>对数 y 轴</translation>
    </message>
    <message>
        <source>which start point&apos;s curves</source>
        <translation>显示哪个起点的曲线</translation>
    </message>
    <message>
        <source>start point</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>no known minimum on this surface</source>
        <translation>此曲面没有已知的极小值</translation>
    </message>
    <message>
        <source>step {step}</source>
        <translation>第 {step} 步</translation>
    </message>
    <message>
        <source>symmetric log</source>
        <extracomment>Said in the loss axis&apos;s label when it draws a symmetric log.</extracomment>
        <translation>对称对数</translation>
    </message>
</context>
<context>
    <name>CustomSurfaceDialog</name>
    <message>
        <source>Custom surface f(x, y)</source>
        <translation>自定义曲面 f(x, y)</translation>
    </message>
    <message>
        <source>x, y, numbers, + − * / ** ( ), sin cos tan exp log sqrt abs tanh sinh cosh arctan min max, pi, e. Other names are parameters.</source>
        <translation>可用：x、y、数字、+ − * / ** ( )、sin cos tan exp log sqrt abs tanh sinh cosh arctan min max、pi、e。其他名称都是参数。</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>x from</source>
        <translation>x 从</translation>
    </message>
    <message>
        <source>y from</source>
        <translation>y 从</translation>
    </message>
    <message>
        <source>to</source>
        <translation>到</translation>
    </message>
    <message>
        <source>column {n}</source>
        <translation>第 {n} 列</translation>
    </message>
    <message>
        <source>f is defined on {p:.0%} of the box</source>
        <translation>f 在区域的 {p:.0%} 上有定义</translation>
    </message>
    <message>
        <source>it has kinks (abs, min, max): subgradients there</source>
        <translation>含有不可导的折点（abs、min、max）：那里取次梯度</translation>
    </message>
</context>
<context>
    <name>Docks</name>
    <message>
        <source>Training curves</source>
        <extracomment>The docks&apos; titles: their keys in ``window.docks`` (shown translated).</extracomment>
        <translation>训练曲线</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>梯度检查</translation>
    </message>
    <message>
        <source>Classifier training</source>
        <translation>分类器训练</translation>
    </message>
    <message>
        <source>Many starts</source>
        <translation>多起点</translation>
    </message>
    <message>
        <source>Stability</source>
        <translation>稳定性</translation>
    </message>
    <message>
        <source>Surface</source>
        <translation>曲面</translation>
    </message>
    <message>
        <source>Optimizers</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>讲解</translation>
    </message>
</context>
<context>
    <name>EditMenu</name>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
</context>
<context>
    <name>Edits</name>
    <message>
        <source>duplicate {run}</source>
        <extracomment>Edits of one run, by what the model&apos;s method does.</extracomment>
        <translation>复制 {run}</translation>
    </message>
    <message>
        <source>remove {run}</source>
        <translation>删除 {run}</translation>
    </message>
    <message>
        <source>enable {run}</source>
        <translation>启用 {run}</translation>
    </message>
    <message>
        <source>disable {run}</source>
        <translation>停用 {run}</translation>
    </message>
    <message>
        <source>recolour {run}</source>
        <translation>更改 {run} 的颜色</translation>
    </message>
    <message>
        <source>rename {run}</source>
        <translation>重命名 {run}</translation>
    </message>
    <message>
        <source>change the grid</source>
        <extracomment>Edits with nothing to name.</extracomment>
        <translation>更改网格</translation>
    </message>
    <message>
        <source>move the start</source>
        <translation>移动起点</translation>
    </message>
    <message>
        <source>seed a grid of starts</source>
        <translation>布置起点网格</translation>
    </message>
    <message>
        <source>drag the start</source>
        <translation>拖动起点</translation>
    </message>
    <message>
        <source>change steps per frame</source>
        <translation>更改每帧步数</translation>
    </message>
    <message>
        <source>change the maximum steps</source>
        <translation>更改最大步数</translation>
    </message>
    <message>
        <source>change the colours</source>
        <translation>更改颜色</translation>
    </message>
    <message>
        <source>change the gradient check</source>
        <translation>更改梯度检验设置</translation>
    </message>
    <message>
        <source>change the training</source>
        <translation>更改训练设置</translation>
    </message>
    <message>
        <source>change the drawn internals</source>
        <translation>更改绘制的内部量</translation>
    </message>
    <message>
        <source>experiment</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>open {title}</source>
        <translation>打开 {title}</translation>
    </message>
    <message>
        <source>add {kind}</source>
        <translation>添加 {kind}</translation>
    </message>
    <message>
        <source>change the kind of {run} to {kind}</source>
        <translation>将 {run} 的类型改为 {kind}</translation>
    </message>
    <message>
        <source>change {symbol} of {run}</source>
        <translation>更改 {run} 的 {symbol}</translation>
    </message>
    <message>
        <source>the classifier slice</source>
        <translation>分类器切片</translation>
    </message>
    <message>
        <source>switch to {surface}</source>
        <translation>切换到 {surface}</translation>
    </message>
    <message>
        <source>change {name} of the surface</source>
        <translation>更改曲面的 {name}</translation>
    </message>
    <message>
        <source>type f(x, y) = {text}</source>
        <translation>输入 f(x, y) = {text}</translation>
    </message>
    <message>
        <source>change the slice&apos;s {fields}</source>
        <translation>更改切片的 {fields}</translation>
    </message>
</context>
<context>
    <name>Explain</name>
    <message>
        <source>the gradient</source>
        <extracomment>At most this many heads get text labels beside their arrows.</extracomment>
        <translation>梯度</translation>
    </message>
    <message>
        <source>the velocity blend</source>
        <translation>速度的混合</translation>
    </message>
    <message>
        <source>the adaptive division</source>
        <translation>自适应的除法</translation>
    </message>
    <message>
        <source>Newton: the curvature</source>
        <translation>牛顿法：曲率</translation>
    </message>
    <message>
        <source>L-BFGS: the direction</source>
        <translation>L-BFGS：方向</translation>
    </message>
    <message>
        <source>the final step</source>
        <translation>最终的一步</translation>
    </message>
    <message>
        <source>One step, explained: {run}, t = {t} — stage {stage} of {of}:</source>
        <extracomment>The explained step&apos;s stages and formulas: a strip under the plot (the view puts it in its layout), so it never covers the arrows it explains.</extracomment>
        <translation>单步讲解：{run}，t = {t} — 第 {stage} 阶段（共 {of} 个）：</translation>
    </message>
    <message>
        <source>→ next stage</source>
        <translation>→ 下一阶段</translation>
    </message>
    <message>
        <source>→ take the step</source>
        <translation>→ 走这一步</translation>
    </message>
    <message>
        <source>Esc leaves</source>
        <translation>Esc 退出</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>MP4 video (H.264)</source>
        <translation>MP4 视频（H.264）</translation>
    </message>
    <message>
        <source>Animated GIF</source>
        <translation>GIF 动图</translation>
    </message>
    <message>
        <source>PNG frames in a zip</source>
        <translation>PNG 帧（zip 压缩包）</translation>
    </message>
    <message>
        <source>PNG frames in a folder</source>
        <translation>PNG 帧（文件夹）</translation>
    </message>
    <message>
        <source>Export animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>Size…</source>
        <translation>尺寸…</translation>
    </message>
    <message>
        <source>Training curves beside the surface</source>
        <translation>在曲面旁显示训练曲线</translation>
    </message>
    <message>
        <source>Title banner</source>
        <translation>标题横幅</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <source>Frame rate</source>
        <translation>帧率</translation>
    </message>
    <message>
        <source>Steps per frame</source>
        <translation>每帧步数</translation>
    </message>
    <message>
        <source>Frames</source>
        <translation>帧数</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Save to</source>
        <translation>保存到</translation>
    </message>
    <message>
        <source>Folder for the PNG frames</source>
        <translation>存放 PNG 帧的文件夹</translation>
    </message>
    <message>
        <source>{seconds:.1f} s of animation, steps 0 … {steps}</source>
        <translation>动画时长 {seconds:.1f} 秒，第 0 … {steps} 步</translation>
    </message>
    <message>
        <source>Choose where to save the animation.</source>
        <translation>请选择动画的保存位置。</translation>
    </message>
    <message>
        <source>Exporting {name}…</source>
        <translation>正在导出 {name}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>已导出 {path}</translation>
    </message>
    <message>
        <source>Export failed: {message}</source>
        <translation>导出失败：{message}</translation>
    </message>
    <message>
        <source>Export cancelled; nothing was written</source>
        <translation>导出已取消；没有写入任何文件</translation>
    </message>
</context>
<context>
    <name>ExportProgress</name>
    <message>
        <source>the surface could not be built: {message}</source>
        <extracomment>``progress(fraction in [0, 1], message)`` ``side(model) -&gt; QWidget``: a panel over the recorder&apos;s model, drawn beside the surface. The curves&apos; pen in exported frames (the live panel draws 1-px lines, fast; frames are drawn once and often scaled down, where 1 px fades). Width share of the side panel (the curves) in a frame.</extracomment>
        <translation>无法构建曲面：{message}</translation>
    </message>
    <message>
        <source>preparing the surface</source>
        <extracomment>Rendering time per event-loop turn: the window repaints between slices.</extracomment>
        <translation>正在准备曲面</translation>
    </message>
    <message>
        <source>frame {done}/{total}</source>
        <translation>第 {done}/{total} 帧</translation>
    </message>
    <message>
        <source>encoding</source>
        <translation>正在编码</translation>
    </message>
</context>
<context>
    <name>FileManager</name>
    <message>
        <source>optviz experiments (*.optviz.json);;JSON files (*.json);;All files (*)</source>
        <translation>optviz 实验 (*.optviz.json);;JSON 文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>untitled</source>
        <translation>未命名</translation>
    </message>
    <message>
        <source>Open experiment</source>
        <translation>打开实验</translation>
    </message>
    <message>
        <source>Cannot open experiment</source>
        <translation>无法打开实验</translation>
    </message>
    <message>
        <source>{name} could not be opened.

{reason}</source>
        <translation>无法打开 {name}。

{reason}</translation>
    </message>
    <message>
        <source>Cannot open preset</source>
        <translation>无法打开预设</translation>
    </message>
    <message>
        <source>Save experiment</source>
        <translation>保存实验</translation>
    </message>
    <message>
        <source>Cannot save experiment</source>
        <translation>无法保存实验</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>已保存 {path}</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>Save the changes to {name} first?</source>
        <translation>先保存对 {name} 的更改吗？</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Presets</source>
        <translation>预设(&amp;P)</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>清空列表</translation>
    </message>
</context>
<context>
    <name>GLProbe</name>
    <message>
        <source>OpenGL is turned off ({env} is set)</source>
        <extracomment>Platforms that cannot (safely) give a GL context.</extracomment>
        <translation>OpenGL 已关闭（设置了 {env}）</translation>
    </message>
    <message>
        <source>OpenGL is not available on Qt&apos;s {platform} platform (no display)</source>
        <translation>Qt 的 {platform} 平台上没有 OpenGL（没有显示器）</translation>
    </message>
    <message>
        <source>PyOpenGL cannot be loaded: {error}</source>
        <translation>无法加载 PyOpenGL：{error}</translation>
    </message>
    <message>
        <source>no OpenGL context can be made (no GL driver? install Mesa: libgl1-mesa-dri)</source>
        <translation>无法创建 OpenGL 上下文（没有 GL 驱动？请安装 Mesa：libgl1-mesa-dri）</translation>
    </message>
    <message>
        <source>an OpenGL context was made but cannot be used</source>
        <translation>已创建 OpenGL 上下文，但无法使用</translation>
    </message>
    <message>
        <source>OpenGL {have} is too old (the 3-D view needs {need})</source>
        <translation>OpenGL {have} 版本太旧（三维视图需要 {need}）</translation>
    </message>
</context>
<context>
    <name>GradcheckPanel</name>
    <message>
        <source>where the gradient is checked</source>
        <translation>在哪里检查梯度</translation>
    </message>
    <message>
        <source>check the data loss and the regularizer separately</source>
        <translation>分别检查数据损失和正则项</translation>
    </message>
    <message>
        <source>how many coordinates of W are checked</source>
        <translation>检查 W 的多少个坐标</translation>
    </message>
    <message>
        <source>which coordinates are drawn</source>
        <translation>抽取哪些坐标</translation>
    </message>
    <message>
        <source>finite-difference step h</source>
        <translation>有限差分步长 h</translation>
    </message>
    <message>
        <source>centred: error ∝ h²; forward: error ∝ h</source>
        <translation>中心差分：误差 ∝ h²；前向差分：误差 ∝ h</translation>
    </message>
    <message>
        <source>planted bug</source>
        <translation>植入错误</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>at</source>
        <translation>位置</translation>
    </message>
    <message>
        <source>check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>coordinates</source>
        <translation>坐标数</translation>
    </message>
    <message>
        <source>differences</source>
        <translation>差分</translation>
    </message>
    <message>
        <source>head of {run}</source>
        <translation>{run} 的当前点</translation>
    </message>
    <message>
        <source>start point</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>slice centre W₀</source>
        <translation>切片中心 W₀</translation>
    </message>
    <message>
        <source>building the surface…</source>
        <extracomment>At most this many sampled coordinates get their own line in the h sweep. While the race plays, the table follows the head at most this often (ms).</extracomment>
        <translation>正在构建曲面…</translation>
    </message>
    <message>
        <source>, {n} with a kink in ±h</source>
        <translation>，其中 {n} 个在 ±h 内有不可导点</translation>
    </message>
    <message>
        <source>worst relative error {error}: {counts}</source>
        <translation>最大相对误差 {error}：{counts}</translation>
    </message>
    <message>
        <source>Export gradient check</source>
        <translation>导出梯度检查</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Cannot export</source>
        <translation>无法导出</translation>
    </message>
</context>
<context>
    <name>GradcheckTable</name>
    <message>
        <source>wrong  &gt; 1e-2</source>
        <extracomment>verdict -&gt; (background, label shown in the legend and the verdict column).</extracomment>
        <translation>错误  &gt; 1e-2</translation>
    </message>
    <message>
        <source>doubtful  1e-2 … 1e-4</source>
        <translation>可疑  1e-2 … 1e-4</translation>
    </message>
    <message>
        <source>ok near kinks  1e-4 … 1e-7</source>
        <translation>不可导点附近可接受  1e-4 … 1e-7</translation>
    </message>
    <message>
        <source>right  &lt; 1e-7</source>
        <translation>正确  &lt; 1e-7</translation>
    </message>
    <message>
        <source>coordinate</source>
        <translation>坐标</translation>
    </message>
    <message>
        <source>analytic</source>
        <translation>解析梯度</translation>
    </message>
    <message>
        <source>numeric</source>
        <translation>数值梯度</translation>
    </message>
    <message>
        <source>relative error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>kink in ±h</source>
        <translation>±h 内的不可导点</translation>
    </message>
    <message>
        <source>centred  (f(x+h) − f(x−h)) / 2h</source>
        <extracomment>The two finite differences, by ``centered``.</extracomment>
        <translation>中心差分  (f(x+h) − f(x−h)) / 2h</translation>
    </message>
    <message>
        <source>forward  (f(x+h) − f(x)) / h</source>
        <translation>前向差分  (f(x+h) − f(x)) / h</translation>
    </message>
    <message>
        <source>{name}: |a − n| / max(|a|, |n|) = {error} → {verdict}
numeric: {kind}, h = {h}</source>
        <extracomment>The numbers as they are (not the formatted text), for tests and copying.</extracomment>
        <translation>{name}：|a − n| / max(|a|, |n|) = {error} → {verdict}
数值梯度：{kind}，h = {h}</translation>
    </message>
    <message>
        <source>a hinge changes sides within ±h: the numeric slope averages two slopes</source>
        <translation>合页在 ±h 内改变了一侧：数值斜率是两个斜率的平均</translation>
    </message>
    <message>
        <source>which coordinate of the parameters is checked</source>
        <translation>检查的是参数的哪个坐标</translation>
    </message>
    <message>
        <source>the gradient from the formula</source>
        <translation>由公式得到的梯度</translation>
    </message>
    <message>
        <source>the finite-difference estimate</source>
        <translation>有限差分的估计值</translation>
    </message>
    <message>
        <source>|analytic − numeric| / max(|analytic|, |numeric|)</source>
        <translation>|解析 − 数值| / max(|解析|, |数值|)</translation>
    </message>
    <message>
        <source>cs231n reading of the relative error</source>
        <translation>按 CS231n 笔记解读相对误差</translation>
    </message>
    <message>
        <source>an SVM margin crosses 0 between x − h and x + h</source>
        <translation>在 x − h 与 x + h 之间有 SVM 间隔穿过 0</translation>
    </message>
    <message>
        <source>kink</source>
        <translation>不可导点</translation>
    </message>
</context>
<context>
    <name>HSweepPlot</name>
    <message>
        <source>step h</source>
        <extracomment>log10 ranges of the verdict bands (the plot&apos;s y axis is log10 of the error). Errors are drawn no lower than this (an exact 0 has no logarithm).</extracomment>
        <translation>步长 h</translation>
    </message>
    <message>
        <source>relative error</source>
        <translation>相对误差</translation>
    </message>
    <message>
        <source>error vs h</source>
        <translation>误差随 h 的变化</translation>
    </message>
    <message>
        <source>← round-off</source>
        <translation>← 舍入误差</translation>
    </message>
    <message>
        <source>truncation →</source>
        <translation>截断误差 →</translation>
    </message>
</context>
<context>
    <name>HyperSearch</name>
    <message>
        <source>change the search settings</source>
        <translation>修改超参数搜索设置</translation>
    </message>
    <message>
        <source>loading {dataset}</source>
        <translation>正在加载 {dataset}</translation>
    </message>
    <message>
        <source>{method} search: trial {done} of {total}</source>
        <translation>{method}搜索：第 {done} / {total} 次试验</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>four learning rates</source>
        <translation>四种学习率</translation>
    </message>
</context>
<context>
    <name>InternalsLayer</name>
    <message>
        <source>{length}  (arrows ×{m})</source>
        <extracomment>piece -&gt; (pen style, width px); the pieces are told apart by their shafts. Fonts for symbols with combining marks (m̂, v̂): DejaVu Sans sets the hat a line too high, these place it on its letter.</extracomment>
        <translation>{length}  （箭头放大 ×{m}）</translation>
    </message>
    <message>
        <source>η {length} per coordinate = box half-width  (×{m})</source>
        <translation>每个坐标的 η {length} = 方框半宽  （×{m}）</translation>
    </message>
</context>
<context>
    <name>InternalsMenu</name>
    <message>
        <source>Step taken  x_{t+1} − x_t</source>
        <translation>所走的一步  x_{t+1} − x_t</translation>
    </message>
    <message>
        <source>Gradient term  −η·g</source>
        <translation>梯度项  −η·g</translation>
    </message>
    <message>
        <source>Velocity  v  (Adam: its first moment)</source>
        <translation>速度  v  （Adam：一阶矩）</translation>
    </message>
    <message>
        <source>Adaptive step per coordinate (box)</source>
        <translation>每个坐标的自适应步长（方框）</translation>
    </message>
    <message>
        <source>Newton&apos;s step</source>
        <translation>牛顿步</translation>
    </message>
    <message>
        <source>L-BFGS direction</source>
        <translation>L-BFGS 方向</translation>
    </message>
    <message>
        <source>&amp;Internals</source>
        <translation>内部量(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Show internals</source>
        <translation>显示内部量(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Runs</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Explain step</source>
        <translation>讲解一步(&amp;E)</translation>
    </message>
    <message>
        <source>Next stage</source>
        <translation>下一阶段</translation>
    </message>
    <message>
        <source>Leave the explained step</source>
        <translation>退出单步讲解</translation>
    </message>
    <message>
        <source>All runs</source>
        <translation>全部运行</translation>
    </message>
    <message>
        <source>No run</source>
        <translation>不显示任何运行</translation>
    </message>
</context>
<context>
    <name>InternalsView</name>
    <message>
        <source>Select a run that is racing to explain its step.</source>
        <extracomment>The step being explained (``explain.ExplainedStep``) and the stage shown.</extracomment>
        <translation>请选择一个正在比赛的运行来讲解它的一步。</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>语言 Language(&amp;L)</translation>
    </message>
    <message>
        <source>(takes effect after restart)</source>
        <translation>（重启后生效）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>optviz will be in {language} from its next start. Restart now?</source>
        <translation>optviz 下次启动时将使用 {language}。现在重启吗？</translation>
    </message>
</context>
<context>
    <name>LessonPanel</name>
    <message>
        <source>What to look at</source>
        <translation>看什么</translation>
    </message>
    <message>
        <source>Try next</source>
        <translation>接下来试试</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>为什么</translation>
    </message>
    <message>
        <source>This experiment has no lesson. The Presets menu has experiments that explain what to look at, what to try next and why.</source>
        <translation>这个实验没有讲解。“预设”菜单里的实验会说明看什么、接下来试什么，以及为什么。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&lt;h3&gt;optviz&lt;/h3&gt;
&lt;p&gt;See gradient-based optimizers race across real loss surfaces: toy functions and random
planes L(W₀ + a·D₁ + b·D₂) through a linear classifier&apos;s weights.&lt;/p&gt;
&lt;p&gt;Following the CS231n optimization notes: loss slices, gradient checks, SGD → momentum →
Adam, learning-rate decay.&lt;/p&gt;
&lt;p&gt;Digits data: UCI ML hand-written digits (CC BY 4.0). Colour maps: matplotlib&apos;s viridis
family (CC0). Built with PySide6, pyqtgraph and numpy.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;optviz&lt;/h3&gt;
&lt;p&gt;观看基于梯度的优化器在真实损失曲面上竞赛：玩具函数，以及穿过线性分类器权重的随机平面
L(W₀ + a·D₁ + b·D₂)。&lt;/p&gt;
&lt;p&gt;依照 CS231n 优化课程笔记：损失切片、梯度检查、SGD → 动量 → Adam、学习率衰减。&lt;/p&gt;
&lt;p&gt;digits 数据：UCI ML 手写数字（CC BY 4.0）。颜色映射：matplotlib 的 viridis 系列（CC0）。
基于 PySide6、pyqtgraph 和 numpy 构建。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open experiment…</source>
        <translation>打开实验(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save experiment</source>
        <translation>保存实验(&amp;S)</translation>
    </message>
    <message>
        <source>Save experiment &amp;as…</source>
        <translation>实验另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Export animation…</source>
        <translation>导出动画(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Reset layout</source>
        <translation>重置布局</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About optviz</source>
        <translation>关于 optviz(&amp;A)</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>播放控制</translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation>播放 / 暂停</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The race stopped: {message}</source>
        <translation>竞赛已停止：{message}</translation>
    </message>
    <message>
        <source>The race stopped</source>
        <translation>竞赛已停止</translation>
    </message>
    <message>
        <source>{message}

The race is paused at step {step}. Change the settings that caused it, then Reset or Play.</source>
        <translation>{message}

竞赛暂停在第 {step} 步。请修改导致问题的设置，然后重置或播放。</translation>
    </message>
    <message>
        <source>Could not build the surface: {message}</source>
        <translation>无法构建曲面：{message}</translation>
    </message>
    <message>
        <source>Cannot build the surface</source>
        <translation>无法构建曲面</translation>
    </message>
    <message>
        <source>{message}

The surface on screen stays as it was.</source>
        <translation>{message}

屏幕上的曲面保持不变。</translation>
    </message>
    <message>
        <source>Animation export is not available in this build</source>
        <translation>此版本不支持导出动画</translation>
    </message>
    <message>
        <source>About optviz</source>
        <translation>关于 optviz</translation>
    </message>
    <message>
        <source>Reset &amp;view</source>
        <translation>复位视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Presentation</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <source>Leave presentation</source>
        <translation>退出演示模式</translation>
    </message>
</context>
<context>
    <name>ManyStarts</name>
    <message>
        <source>change the many-starts settings</source>
        <translation>修改多起点分析设置</translation>
    </message>
    <message>
        <source>no enabled run to map</source>
        <translation>没有可绘图的已启用运行</translation>
    </message>
    <message>
        <source>no enabled run has a learning rate to sweep</source>
        <translation>没有带学习率可扫描的已启用运行</translation>
    </message>
    <message>
        <source>tune each run&apos;s η</source>
        <translation>逐个调整各运行的 η</translation>
    </message>
    <message>
        <source>basin map of {run}</source>
        <translation>{run} 的吸引域图</translation>
    </message>
    <message>
        <source>learning-rate sweep of {run}</source>
        <translation>{run} 的学习率扫描</translation>
    </message>
</context>
<context>
    <name>ManyStartsPanel</name>
    <message>
        <source>very high</source>
        <extracomment>The classic picture&apos;s rates, as multiples of the tuned η (name; colours RATE_COLORS).</extracomment>
        <translation>很高</translation>
    </message>
    <message>
        <source>high</source>
        <translation>高</translation>
    </message>
    <message>
        <source>good</source>
        <translation>合适</translation>
    </message>
    <message>
        <source>low</source>
        <translation>低</translation>
    </message>
    <message>
        <source>Basin map: a run from every start of a grid</source>
        <translation>吸引域图：从网格的每个起点各跑一次</translation>
    </message>
    <message>
        <source>which run&apos;s optimizer is mapped</source>
        <translation>绘制哪条运行的优化器</translation>
    </message>
    <message>
        <source>what each start&apos;s colour says</source>
        <translation>每个起点的颜色表示什么</translation>
    </message>
    <message>
        <source>minimum reached (basins)</source>
        <translation>到达的极小值（吸引域）</translation>
    </message>
    <message>
        <source>steps to converge (log scale)</source>
        <translation>收敛所需步数（对数刻度）</translation>
    </message>
    <message>
        <source>starts per side of the grid</source>
        <translation>网格每边的起点数</translation>
    </message>
    <message>
        <source>converged: within this distance of a minimum</source>
        <translation>收敛：与极小值的距离在此范围内</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>优化器</translation>
    </message>
    <message>
        <source>colour by</source>
        <translation>着色依据</translation>
    </message>
    <message>
        <source>grid n</source>
        <translation>网格 n</translation>
    </message>
    <message>
        <source>steps</source>
        <translation>步数</translation>
    </message>
    <message>
        <source>tolerance</source>
        <translation>容差</translation>
    </message>
    <message>
        <source>Build map</source>
        <translation>生成图</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>show on the surface</source>
        <translation>显示在曲面上</translation>
    </message>
    <message>
        <source>Learning-rate sweep and fair tuning</source>
        <translation>学习率扫描与公平调参</translation>
    </message>
    <message>
        <source>lowest final loss</source>
        <translation>最终损失最低</translation>
    </message>
    <message>
        <source>fewest steps to tolerance</source>
        <translation>达到容差的步数最少</translation>
    </message>
    <message>
        <source>η from</source>
        <translation>η 范围</translation>
    </message>
    <message>
        <source>rates</source>
        <translation>取值个数</translation>
    </message>
    <message>
        <source>best by</source>
        <translation>最优标准</translation>
    </message>
    <message>
        <source>Sweep η</source>
        <translation>扫描 η</translation>
    </message>
    <message>
        <source>Tune each</source>
        <translation>逐个调参</translation>
    </message>
    <message>
        <source>set each run&apos;s η to its sweep&apos;s best (one undo step)</source>
        <translation>把每条运行的 η 设为其扫描的最优值（一步撤销）</translation>
    </message>
    <message>
        <source>all runs, side by side</source>
        <translation>所有运行并排显示</translation>
    </message>
    <message>
        <source>tuned by {0}: {1}</source>
        <translation>按{0}调参：{1}</translation>
    </message>
    <message>
        <source>{0}: loss against step at four rates</source>
        <translation>{0}：四种学习率下损失随步数的变化</translation>
    </message>
</context>
<context>
    <name>MapLayer</name>
    <message>
        <source>to ({0:.3g}, {1:.3g}): {2:.0f} % of starts, {3:.0f} % arrived</source>
        <translation>到 ({0:.3g}, {1:.3g})：{2:.0f} % 的起点，{3:.0f} % 已到达</translation>
    </message>
    <message>
        <source>faded: still on the way after the last step</source>
        <translation>淡色：最后一步时仍在途中</translation>
    </message>
    <message>
        <source>steps to converge: {0} (dark) … {1} (bright), log scale</source>
        <translation>收敛所需步数：{0}（暗）… {1}（亮），对数刻度</translation>
    </message>
    <message>
        <source>not converged: {0:.0f} %</source>
        <translation>未收敛：{0:.0f} %</translation>
    </message>
    <message>
        <source>diverged: {0:.0f} %</source>
        <translation>发散：{0:.0f} %</translation>
    </message>
</context>
<context>
    <name>OptimizerPanel</name>
    <message>
        <source>Add run</source>
        <extracomment>Fonts tried, in order, for the update formulas (math-looking, then any serif).</extracomment>
        <translation>添加运行</translation>
    </message>
</context>
<context>
    <name>ProjectionTable</name>
    <message>
        <source>run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>off plane</source>
        <translation>偏离平面</translation>
    </message>
    <message>
        <source>true L(W)</source>
        <translation>真实 L(W)</translation>
    </message>
    <message>
        <source>slice L(a, b)</source>
        <translation>切片 L(a, b)</translation>
    </message>
    <message>
        <source>hover a run for its (a, b): the least-squares coordinates of W − W₀ in span(D₁, D₂), where the path is drawn</source>
        <translation>把鼠标停在某个运行上可看其 (a, b)：W − W₀ 在 span(D₁, D₂) 中的最小二乘坐标，路径画在这里</translation>
    </message>
    <message>
        <source>the share of ‖W − W₀‖ off the plane (hover: ‖W − W₀ − a·D₁ − b·D₂‖): what the picture cannot show</source>
        <translation>‖W − W₀‖ 中偏离平面的比例（悬停可看 ‖W − W₀ − a·D₁ − b·D₂‖）：图上看不到的部分</translation>
    </message>
    <message>
        <source>the loss at the real final weights</source>
        <translation>真实最终权重处的损失</translation>
    </message>
    <message>
        <source>the loss the slice shows under the projected point</source>
        <translation>切片在投影点处显示的损失</translation>
    </message>
    <message>
        <source>{share} % of the path&apos;s length from W₀ is off the plane: the drawn path is a shadow, not the path</source>
        <extracomment>Off-plane share above which a row is marked as a misleading picture.</extracomment>
        <translation>从 W₀ 出发的路径长度有 {share} % 偏离平面：画出的只是路径的影子，不是路径本身</translation>
    </message>
</context>
<context>
    <name>RunLegend</name>
    <message>
        <source>✕ diverged at step {step}</source>
        <extracomment>Colour of the &quot;diverged&quot; note in the legend.</extracomment>
        <translation>✕ 第 {step} 步发散</translation>
    </message>
    <message>
        <source>stopped at step {step}: {reason}</source>
        <translation>在第 {step} 步停止：{reason}</translation>
    </message>
    <message>
        <source>✕ {n}/{total} diverged</source>
        <translation>✕ {n}/{total} 发散</translation>
    </message>
    <message>
        <source>{n} of {total} start points stopped; first at step {step}: {reason}</source>
        <translation>{total} 个起点中有 {n} 个停止；最早在第 {step} 步：{reason}</translation>
    </message>
    <message>
        <source>{run}: click the line to hide or show this run</source>
        <extracomment>Pixels between the legend and the view&apos;s edges. The legend looks for a clearer corner this often (in steps), and over at most this many trail points.</extracomment>
        <translation>{run}：点击线条以隐藏或显示这条运行</translation>
    </message>
</context>
<context>
    <name>RunRow</name>
    <message>
        <source>every k steps</source>
        <translation>每 k 步</translation>
    </message>
    <message>
        <source>decay k</source>
        <translation>衰减系数 k</translation>
    </message>
    <message>
        <source>over T steps</source>
        <translation>经过 T 步</translation>
    </message>
    <message>
        <source>floor</source>
        <translation>下限</translation>
    </message>
    <message>
        <source>constant</source>
        <extracomment>How the schedule menu names each schedule.</extracomment>
        <translation>常数</translation>
    </message>
    <message>
        <source>step</source>
        <translation>阶梯</translation>
    </message>
    <message>
        <source>exponential</source>
        <translation>指数</translation>
    </message>
    <message>
        <source>inverse time</source>
        <translation>反比时间</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>余弦</translation>
    </message>
    <message>
        <source>Race this run</source>
        <translation>让这条运行参加竞赛</translation>
    </message>
    <message>
        <source>copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Duplicate this run</source>
        <translation>复制这条运行</translation>
    </message>
    <message>
        <source>Remove this run</source>
        <translation>删除这条运行</translation>
    </message>
    <message>
        <source>off</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source> steps</source>
        <translation> 步</translation>
    </message>
    <message>
        <source>Momentum warm-up: μ rises linearly from {start} to the value above over this many steps (off: constant μ)</source>
        <translation>动量预热：μ 在这么多步内从 {start} 线性升到上面的值（关闭：μ 为常数）</translation>
    </message>
    <message>
        <source>warm-up</source>
        <translation>预热</translation>
    </message>
    <message>
        <source>How η changes with the step t</source>
        <translation>η 如何随步数 t 变化</translation>
    </message>
    <message>
        <source>decay</source>
        <translation>学习率衰减</translation>
    </message>
    <message>
        <source>learning rate — no closed-form limit for this kind</source>
        <translation>学习率 — 这种方法没有闭式的上限</translation>
    </message>
    <message>
        <source>learning rate — no limit on the local quadratic at the start</source>
        <translation>学习率 — 在起点的局部二次模型上没有上限</translation>
    </message>
    <message>
        <source>learning rate — critical η ≈ {critical} on the local quadratic at the start (red tick): above it the run diverges</source>
        <translation>学习率 — 在起点的局部二次模型上临界 η ≈ {critical}（红色刻度）：超过它，这个运行就会发散</translation>
    </message>
    <message>
        <source>η is above the critical η ≈ {critical} at the start: this run will diverge (on the local quadratic model)</source>
        <translation>η 高于起点处的临界 η ≈ {critical}：这个运行将会发散（按局部二次模型）</translation>
    </message>
</context>
<context>
    <name>SearchPlot</name>
    <message>
        <source>grid search</source>
        <translation>网格搜索</translation>
    </message>
    <message>
        <source>random search</source>
        <translation>随机搜索</translation>
    </message>
    <message>
        <source>regularization λ</source>
        <translation>正则化 λ</translation>
    </message>
    <message>
        <source>learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>val. accuracy</source>
        <translation>验证准确率</translation>
    </message>
    <message>
        <source>best {0:.1%}</source>
        <translation>最佳 {0:.1%}</translation>
    </message>
    <message>
        <source>colour: validation accuracy {0:.1%} (dark) … {1:.1%} (bright); ring: best trial</source>
        <translation>颜色：验证准确率 {0:.1%}（暗）… {1:.1%}（亮）；圆圈：最佳试验</translation>
    </message>
</context>
<context>
    <name>SearchSection</name>
    <message>
        <source>Hyper-parameters: random against grid search of (η, λ)</source>
        <translation>超参数：(η, λ) 的随机搜索与网格搜索对比</translation>
    </message>
    <message>
        <source>trials per search (the grid is √n × √n)</source>
        <translation>每种搜索的试验次数（网格为 √n × √n）</translation>
    </message>
    <message>
        <source>seeds the random draws: repeatable</source>
        <translation>随机抽样的种子：可重复</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>trials</source>
        <translation>试验次数</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Both searches train the classifier with SGD for the same number of trials; random search tries a new η every trial, the grid only √n of them.</source>
        <translation>两种搜索都用 SGD 训练分类器，试验次数相同；随机搜索每次试验都尝试新的 η，网格搜索只尝试 √n 个。</translation>
    </message>
    <message>
        <source>{0}: best {1:.1%} at η = {2:.3g}, λ = {3:.2g}</source>
        <translation>{0}：最佳 {1:.1%}，η = {2:.3g}，λ = {3:.2g}</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>random</source>
        <translation>随机</translation>
    </message>
    <message>
        <source>{0}: {1:g} × best η</source>
        <translation>{0}：{1:g} × 最佳 η</translation>
    </message>
</context>
<context>
    <name>StabilityPanel</name>
    <message>
        <source>No surface or run yet.</source>
        <extracomment>Longest wait between a step and the panel showing it, in ms.</extracomment>
        <translation>还没有曲面或运行。</translation>
    </message>
    <message>
        <source>at its head, step {step}</source>
        <translation>在它当前的位置，第 {step} 步</translation>
    </message>
    <message>
        <source>stopped: no curvature to show</source>
        <translation>已停止：没有曲率可显示</translation>
    </message>
    <message>
        <source>at minimum {number} {point}</source>
        <translation>在极小值 {number} {point}</translation>
    </message>
    <message>
        <source>critical η</source>
        <translation>临界 η</translation>
    </message>
    <message>
        <source>best constant η = 2/(λmin + λmax)</source>
        <translation>最佳常数 η = 2/(λmin + λmax)</translation>
    </message>
    <message>
        <source>its rate (κ − 1)/(κ + 1) per step</source>
        <translation>它每步的收敛率 (κ − 1)/(κ + 1)</translation>
    </message>
    <message>
        <source>no closed form for this kind</source>
        <translation>这种方法没有闭式解</translation>
    </message>
    <message>
        <source>is above it</source>
        <translation>高于它</translation>
    </message>
    <message>
        <source>along u{k} = ({x}, {y})</source>
        <translation>沿 u{k} = ({x}, {y})</translation>
    </message>
    <message>
        <source>λmax of D½HD½ (stable below 2)</source>
        <translation>D½HD½ 的 λmax（小于 2 时稳定）</translation>
    </message>
</context>
<context>
    <name>StaticExports</name>
    <message>
        <source>PNG image</source>
        <translation>PNG 图像</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>CSV 表格</translation>
    </message>
    <message>
        <source>Export &amp;picture or data</source>
        <translation>导出图片或数据(&amp;P)</translation>
    </message>
    <message>
        <source>View as &amp;PNG…</source>
        <translation>视图导出为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <source>View as &amp;SVG…</source>
        <translation>视图导出为 SVG(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Trajectories as CSV…</source>
        <translation>轨迹导出为 CSV(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Curves as CSV…</source>
        <translation>曲线导出为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>Curves as P&amp;NG…</source>
        <translation>曲线导出为 PNG(&amp;N)…</translation>
    </message>
    <message>
        <source>Curves as S&amp;VG…</source>
        <translation>曲线导出为 SVG(&amp;V)…</translation>
    </message>
    <message>
        <source>Export the view</source>
        <translation>导出视图</translation>
    </message>
    <message>
        <source>Export the trajectories</source>
        <translation>导出轨迹</translation>
    </message>
    <message>
        <source>Export the training curves</source>
        <translation>导出训练曲线</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>已导出 {path}</translation>
    </message>
</context>
<context>
    <name>Surface3D</name>
    <message>
        <source>3-D view unavailable: {reason}</source>
        <translation>三维视图不可用：{reason}</translation>
    </message>
    <message>
        <source>auto</source>
        <extracomment>How the height menu names each transform.</extracomment>
        <translation>自动</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>log</source>
        <translation>对数</translation>
    </message>
    <message>
        <source>clipped</source>
        <translation>截断</translation>
    </message>
    <message>
        <source>Home</source>
        <translation>复位</translation>
    </message>
    <message>
        <source>Reset the camera (Home)</source>
        <translation>复位相机（Home）</translation>
    </message>
    <message>
        <source>How f becomes height in the 3-D view</source>
        <translation>三维视图中 f 如何转换为高度</translation>
    </message>
    <message>
        <source>height: {kind}</source>
        <translation>高度：{kind}</translation>
    </message>
    <message>
        <source>Reset the 3-D camera</source>
        <extracomment>Home resets the camera while the view has the focus (a window with its own Home turns this off and resets the camera from its action instead).</extracomment>
        <translation>复位三维相机</translation>
    </message>
    <message>
        <source>step {step}</source>
        <translation>第 {step} 步</translation>
    </message>
    <message>
        <source>3-D view</source>
        <translation>三维视图</translation>
    </message>
    <message>
        <source>3-D only (hide the 2-D view)</source>
        <translation>只显示三维（隐藏二维视图）</translation>
    </message>
</context>
<context>
    <name>SurfaceLayer</name>
    <message>
        <source>{f} − min {f}  (log scale)</source>
        <translation>{f} − min {f}  （对数刻度）</translation>
    </message>
</context>
<context>
    <name>SurfacePanel</name>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>linear</source>
        <translation>线性</translation>
    </message>
    <message>
        <source>log</source>
        <translation>对数</translation>
    </message>
    <message>
        <source>Classifier loss slice</source>
        <translation>分类器损失切片</translation>
    </message>
    <message>
        <source>Custom f(x, y)…</source>
        <translation>自定义 f(x, y)…</translation>
    </message>
    <message>
        <source>Edit f(x, y)…</source>
        <translation>编辑 f(x, y)…</translation>
    </message>
    <message>
        <source>Classifier slice  L(W₀ + a·D₁ + b·D₂)</source>
        <translation>分类器切片  L(W₀ + a·D₁ + b·D₂)</translation>
    </message>
    <message>
        <source>UCI digits (bundled)</source>
        <translation>UCI digits（自带）</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>打开…</translation>
    </message>
    <message>
        <source>Data file (.npz with X, y / .csv, label last)…</source>
        <translation>数据文件（含 X、y 的 .npz / 标签在最后一列的 .csv）…</translation>
    </message>
    <message>
        <source>CIFAR-10 python folder…</source>
        <translation>CIFAR-10 python 版文件夹…</translation>
    </message>
    <message>
        <source>dataset</source>
        <translation>数据集</translation>
    </message>
    <message>
        <source>softmax (cross-entropy)</source>
        <translation>softmax（交叉熵）</translation>
    </message>
    <message>
        <source>multiclass SVM (hinge)</source>
        <translation>多类 SVM（合页损失）</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>small random W₀</source>
        <translation>较小的随机 W₀</translation>
    </message>
    <message>
        <source>trained W*</source>
        <translation>训练好的 W*</translation>
    </message>
    <message>
        <source>centre</source>
        <translation>中心</translation>
    </message>
    <message>
        <source>New directions</source>
        <translation>新方向</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>filter-normalized directions</source>
        <translation>按滤波器归一化的方向</translation>
    </message>
    <message>
        <source>range ±</source>
        <translation>范围 ±</translation>
    </message>
    <message>
        <source>Flat? Near a small W₀ every score is ≈ 0 and filter-normalized steps are as small as W₀ itself, so L barely changes: centre on W* to see a basin.</source>
        <translation>看起来平坦？在很小的 W₀ 附近，每个得分都 ≈ 0，而按滤波器归一化的方向步长与 W₀ 本身一样小，所以 L 几乎不变：把中心设为 W* 才能看到盆地。</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>全批量</translation>
    </message>
    <message>
        <source>Mini-batch size of the gradients the optimizers see (the surface stays the full-batch loss)</source>
        <translation>优化器所见梯度的小批量大小（曲面仍是全批量损失）</translation>
    </message>
    <message>
        <source>mini-batch</source>
        <translation>小批量</translation>
    </message>
    <message>
        <source>Picture</source>
        <translation>画面</translation>
    </message>
    <message>
        <source>Shift+drag on the surface seeds an n × n grid of start points</source>
        <translation>在曲面上 Shift+拖动可播下 n × n 网格的起点</translation>
    </message>
    <message>
        <source>grid</source>
        <translation>网格</translation>
    </message>
    <message>
        <source>colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>colour scale</source>
        <translation>颜色刻度</translation>
    </message>
    <message>
        <source>contour lines</source>
        <translation>等高线</translation>
    </message>
    <message>
        <source>start grid n</source>
        <translation>起点网格 n</translation>
    </message>
    <message>
        <source>A random plane through the weights of a linear classifier on real data: the loss L(W₀ + a·D₁ + b·D₂), computed exactly on the grid.</source>
        <translation>穿过线性分类器在真实数据上的权重的随机平面：损失 L(W₀ + a·D₁ + b·D₂)，在网格上精确计算。</translation>
    </message>
    <message>
        <source>f(x, y) = {f}   on {box}</source>
        <translation>f(x, y) = {f}，区域 {box}</translation>
    </message>
    <message>
        <source>Open a dataset</source>
        <translation>打开数据集</translation>
    </message>
    <message>
        <source>Datasets (*.npz *.csv);;All files (*)</source>
        <translation>数据集 (*.npz *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open a CIFAR-10 folder (data_batch_1 … 5, test_batch)</source>
        <translation>打开 CIFAR-10 文件夹（data_batch_1 … 5、test_batch）</translation>
    </message>
</context>
<context>
    <name>SurfaceView</name>
    <message>
        <source>a  (along D₁)</source>
        <translation>a  （沿 D₁）</translation>
    </message>
    <message>
        <source>b  (along D₂)</source>
        <translation>b  （沿 D₂）</translation>
    </message>
    <message>
        <source>step {step}</source>
        <translation>第 {step} 步</translation>
    </message>
    <message>
        <source>no start point there: {reason}</source>
        <translation>那里不能设起点：{reason}</translation>
    </message>
    <message>
        <source>Reset view (Home)</source>
        <translation>复位视图（Home）</translation>
    </message>
    <message>
        <source>Start from here</source>
        <translation>从这里出发</translation>
    </message>
    <message>
        <source>computing the new surface…</source>
        <translation>正在计算新曲面…</translation>
    </message>
</context>
<context>
    <name>SweepPlots</name>
    <message>
        <source>final loss against learning rate</source>
        <extracomment>The course picture&apos;s four learning rates, the same colours wherever drawn.</extracomment>
        <translation>最终损失随学习率的变化</translation>
    </message>
    <message>
        <source>learning rate η</source>
        <translation>学习率 η</translation>
    </message>
    <message>
        <source>final loss</source>
        <translation>最终损失</translation>
    </message>
    <message>
        <source>final loss − ({0:.4g})</source>
        <translation>最终损失 − ({0:.4g})</translation>
    </message>
    <message>
        <source>loss against step, four learning rates</source>
        <translation>四种学习率下损失随步数的变化</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>损失</translation>
    </message>
    <message>
        <source>loss − ({0:.4g})</source>
        <translation>损失 − ({0:.4g})</translation>
    </message>
</context>
<context>
    <name>TrainingPanel</name>
    <message>
        <source>full batch</source>
        <extracomment>Run check boxes per row.</extracomment>
        <translation>全批量</translation>
    </message>
    <message>
        <source>Train</source>
        <extracomment>Shortest time between two redraws of the curves while training: epochs can arrive faster than the plots repaint (~25 ms), and queued redraws back to back held the event loop for 100 ms and more.</extracomment>
        <translation>训练</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>PCA plane of</source>
        <translation>PCA 平面：</translation>
    </message>
    <message>
        <source>show projected paths on the slice</source>
        <translation>在切片上显示投影路径</translation>
    </message>
    <message>
        <source>batch</source>
        <translation>批量</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>sanity checks</source>
        <translation>合理性检查</translation>
    </message>
    <message>
        <source>final weights projected onto the slice plane:</source>
        <translation>最终权重在切片平面上的投影：</translation>
    </message>
    <message>
        <source>curves</source>
        <translation>曲线</translation>
    </message>
    <message>
        <source>checks and projections</source>
        <translation>检查与投影</translation>
    </message>
    <message>
        <source>from the slice</source>
        <translation>来自切片</translation>
    </message>
    <message>
        <source>from the slice settings (the view shows a toy surface)</source>
        <translation>来自切片设置（视图显示的是玩具曲面）</translation>
    </message>
    <message>
        <source>Tick at least one optimizer to train.</source>
        <translation>请至少勾选一个优化器进行训练。</translation>
    </message>
    <message>
        <source>training {n} runs on {dataset}…</source>
        <translation>正在 {dataset} 上训练 {n} 条运行…</translation>
    </message>
    <message>
        <source>training cancelled</source>
        <translation>训练已取消</translation>
    </message>
    <message>
        <source>epoch {epoch} / {epochs}</source>
        <translation>第 {epoch} / {epochs} 轮</translation>
    </message>
    <message>
        <source>initial loss</source>
        <translation>初始损失</translation>
    </message>
    <message>
        <source>overfit 20 samples (λ = 0)</source>
        <translation>过拟合 20 个样本（λ = 0）</translation>
    </message>
    <message>
        <source>{run} diverged at step {step} ({reason})</source>
        <translation>{run} 在第 {step} 步发散（{reason}）</translation>
    </message>
    <message>
        <source> Show the classifier slice to see the paths projected onto it.</source>
        <translation> 显示分类器切片即可看到投影到其上的路径。</translation>
    </message>
    <message>
        <source>done: best validation accuracy {accuracy} % ({run}). </source>
        <translation>完成：最佳验证准确率 {accuracy} %（{run}）。</translation>
    </message>
    <message>
        <source>training failed: {message}</source>
        <translation>训练失败：{message}</translation>
    </message>
    <message>
        <source>{run}, trained: {share} % off the plane</source>
        <extracomment>Above the trails, below the heads and the start marker. A stacked caption&apos;s rise per place, in caption heights.</extracomment>
        <translation>{run}，训练后：{share} % 偏离平面</translation>
    </message>
    <message>
        <source>curvature at the start</source>
        <translation>起点处的曲率</translation>
    </message>
    <message>
        <source>(power iteration, full batch)</source>
        <translation>（幂迭代，全批量）</translation>
    </message>
    <message>
        <source>no closed-form limit</source>
        <translation>没有闭式上限</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>没有上限</translation>
    </message>
    <message>
        <source>above it</source>
        <translation>高于它</translation>
    </message>
    <message>
        <source>η = {lr} vs critical {critical}</source>
        <translation>η = {lr}，临界值 {critical}</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <source>epoch</source>
        <extracomment>The course notes&apos; rule of thumb for ‖ΔW‖/‖W‖ per step.</extracomment>
        <translation>轮</translation>
    </message>
    <message>
        <source>loss  (train —, validation - -)</source>
        <translation>损失  （训练 —，验证 - -）</translation>
    </message>
    <message>
        <source>L(W) = data + λ‖W‖²</source>
        <translation>L(W) = 数据损失 + λ‖W‖²</translation>
    </message>
    <message>
        <source>accuracy  (train —, validation - -)</source>
        <translation>准确率  （训练 —，验证 - -）</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>准确率</translation>
    </message>
    <message>
        <source>update ratio per step  (- - ≈1e-3 guide)</source>
        <translation>每步更新比例  （- - 参考值 ≈1e-3）</translation>
    </message>
    <message>
        <source>step</source>
        <translation>步</translation>
    </message>
    <message>
        <source>PCA plane of the trajectory</source>
        <translation>轨迹的 PCA 平面</translation>
    </message>
    <message>
        <source>{run}: PCA plane (★ end; colour log₁₀ L)</source>
        <extracomment>(curve, run label) -&gt; (plot, item, colour of its pen)</extracomment>
        <translation>{run}：PCA 平面（★ 终点；颜色为 log₁₀ L）</translation>
    </message>
    <message>
        <source>{pc}  ({share} % of variance)</source>
        <translation>{pc}  （方差的 {share} %）</translation>
    </message>
</context>
<context>
    <name>Transport</name>
    <message>
        <source>Play</source>
        <extracomment>What the play button says while stopped / while playing.</extracomment>
        <translation>播放</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <source>Play / pause (Space)</source>
        <translation>播放 / 暂停（空格）</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>单步</translation>
    </message>
    <message>
        <source>One frame of steps (→)</source>
        <translation>前进一帧的步数（→）</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Back to step 0 (R)</source>
        <translation>回到第 0 步（R）</translation>
    </message>
    <message>
        <source>Optimizer steps taken per animation frame</source>
        <translation>每个动画帧的优化步数</translation>
    </message>
    <message>
        <source>The race stops at this step</source>
        <translation>竞赛在这一步停止</translation>
    </message>
    <message>
        <source>steps / frame</source>
        <translation>步 / 帧</translation>
    </message>
    <message>
        <source>max steps</source>
        <translation>最大步数</translation>
    </message>
    <message>
        <source>step {step} / {steps}</source>
        <translation>第 {step} / {steps} 步</translation>
    </message>
</context>
<context>
    <name>ViewChoice</name>
    <message>
        <source>2-D</source>
        <translation>二维</translation>
    </message>
    <message>
        <source>3-D</source>
        <translation>三维</translation>
    </message>
    <message>
        <source>2-D and 3-D side by side</source>
        <translation>二维与三维并排</translation>
    </message>
    <message>
        <source>The 3-D camera turns this far about the vertical over the animation</source>
        <translation>在整个动画中，三维相机绕竖直轴转过的角度</translation>
    </message>
    <message>
        <source>orbit</source>
        <translation>环绕</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>Quadratic bowl</source>
        <translation>二次碗面</translation>
    </message>
    <message>
        <source>f = x² + y²: round and easy; every method should get to the bottom.</source>
        <translation>f = x² + y²：圆而简单；每种方法都应到达谷底。</translation>
    </message>
    <message>
        <source>Ravine</source>
        <translation>峡谷</translation>
    </message>
    <message>
        <source>f = ½(x² + κy²): a long narrow valley; plain SGD zig-zags, momentum glides.</source>
        <translation>f = ½(x² + κy²)：狭长的山谷；普通 SGD 来回震荡，动量法平滑滑行。</translation>
    </message>
    <message>
        <source>condition number κ</source>
        <translation>条件数 κ</translation>
    </message>
    <message>
        <source>Saddle</source>
        <translation>鞍面</translation>
    </message>
    <message>
        <source>f = x² − y²: a saddle point; a start near y = 0 shows how slowly SGD escapes.</source>
        <translation>f = x² − y²：鞍点；从 y = 0 附近出发可以看到 SGD 逃离得多么缓慢。</translation>
    </message>
    <message>
        <source>Monkey saddle</source>
        <translation>猴鞍面</translation>
    </message>
    <message>
        <source>f = x³ − 3xy²: a flat saddle with three ways down (gradient and Hessian vanish).</source>
        <translation>f = x³ − 3xy²：有三条下坡路的平坦鞍点（梯度和 Hessian 矩阵都为零）。</translation>
    </message>
    <message>
        <source>Rosenbrock</source>
        <translation>Rosenbrock 函数</translation>
    </message>
    <message>
        <source>f = (1 − x)² + b(y − x²)²: easy to find the valley, hard to follow it to (1, 1).</source>
        <translation>f = (1 − x)² + b(y − x²)²：山谷容易找到，沿谷底走到 (1, 1) 却很难。</translation>
    </message>
    <message>
        <source>valley steepness b</source>
        <translation>山谷陡度 b</translation>
    </message>
    <message>
        <source>Beale</source>
        <translation>Beale 函数</translation>
    </message>
    <message>
        <source>f = Σ (cᵢ − x + x yⁱ)²: flat plateaus and steep walls; minimum at (3, 0.5).</source>
        <translation>f = Σ (cᵢ − x + x yⁱ)²：平坦的高原与陡峭的峭壁；最小值在 (3, 0.5)。</translation>
    </message>
    <message>
        <source>Himmelblau</source>
        <translation>Himmelblau 函数</translation>
    </message>
    <message>
        <source>f = (x² + y − 11)² + (x + y² − 7)²: four equal minima; the start decides.</source>
        <translation>f = (x² + y − 11)² + (x + y² − 7)²：四个相等的极小值；起点决定去向。</translation>
    </message>
    <message>
        <source>Rastrigin</source>
        <translation>Rastrigin 函数</translation>
    </message>
    <message>
        <source>f = 2A + Σ (xᵢ² − A·cos 2πxᵢ): an egg box of local minima around one global.</source>
        <translation>f = 2A + Σ (xᵢ² − A·cos 2πxᵢ)：一个全局最小值周围布满蛋格般的局部极小值。</translation>
    </message>
    <message>
        <source>ripple amplitude A</source>
        <translation>波纹振幅 A</translation>
    </message>
    <message>
        <source>Two wells</source>
        <translation>双势阱</translation>
    </message>
    <message>
        <source>A shallow well beside a deep one: SGD settles in the near one, momentum escapes.</source>
        <translation>浅阱紧挨着深阱：SGD 停在近处的浅阱，动量法能逃出来。</translation>
    </message>
    <message>
        <source>tilt s (depth difference)</source>
        <translation>倾斜 s（深度差）</translation>
    </message>
    <message>
        <source>Kinked |x| + 2|y|</source>
        <translation>折角面 |x| + 2|y|</translation>
    </message>
    <message>
        <source>f = |x| + 2|y|: kinks on the axes; subgradients make fixed-step methods chatter.</source>
        <translation>f = |x| + 2|y|：坐标轴上有不可导点；次梯度让固定步长的方法来回抖动。</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Step straight downhill, a fixed fraction η of the gradient.</source>
        <translation>沿下坡方向直接走一步，步长是梯度的固定比例 η。</translation>
    </message>
    <message>
        <source>Momentum</source>
        <translation>动量法</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>动量</translation>
    </message>
    <message>
        <source>A heavy ball: the velocity remembers past gradients (μ of it survives each step), so it speeds up along steady slopes and damps zig-zags.</source>
        <translation>一个重球：速度记住了过去的梯度（每步保留 μ），因此在稳定的坡上加速，并抑制来回震荡。</translation>
    </message>
    <message>
        <source>Momentum (EMA)</source>
        <translation>动量法（EMA）</translation>
    </message>
    <message>
        <source>averaging</source>
        <translation>平均系数</translation>
    </message>
    <message>
        <source>Momentum written as an exponential moving average of gradients (β), then a step of size η along that average.</source>
        <translation>写成梯度指数加权平均（β）的动量，再沿该平均方向走大小为 η 的一步。</translation>
    </message>
    <message>
        <source>Nesterov</source>
        <translation>Nesterov</translation>
    </message>
    <message>
        <source>Momentum with a look-ahead: the gradient is effectively taken where the velocity is about to carry the point, which brakes earlier.</source>
        <translation>带前瞻的动量：梯度实际上在速度即将把点带到的位置计算，因此更早刹车。</translation>
    </message>
    <message>
        <source>AdaGrad</source>
        <translation>AdaGrad</translation>
    </message>
    <message>
        <source>epsilon</source>
        <translation>ε（防除零）</translation>
    </message>
    <message>
        <source>Divides each coordinate&apos;s step by the root of its summed squared gradients, so steep directions slow down (and every step keeps shrinking).</source>
        <translation>把每个坐标的步长除以其梯度平方累加和的平方根，陡峭方向因此变慢（而且每一步都越来越小）。</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>decay rate</source>
        <translation>衰减率</translation>
    </message>
    <message>
        <source>AdaDelta</source>
        <translation>AdaDelta</translation>
    </message>
    <message>
        <source>AdaGrad&apos;s fix without a learning rate: each coordinate&apos;s step is the root of its recent squared steps over the root of its recent squared gradients.</source>
        <translation>不需要学习率的 AdaGrad 改进：每个坐标的步长是近期步长平方均值的平方根除以近期梯度平方均值的平方根。</translation>
    </message>
    <message>
        <source>Like AdaGrad but with a leaky average (ρ) of squared gradients, so the step size adapts without dying out.</source>
        <translation>类似 AdaGrad，但对梯度平方取带泄漏的平均（ρ），步长自适应而不会衰减到零。</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>first-moment decay</source>
        <translation>一阶矩衰减率</translation>
    </message>
    <message>
        <source>second-moment decay</source>
        <translation>二阶矩衰减率</translation>
    </message>
    <message>
        <source>bias correction</source>
        <translation>偏差修正</translation>
    </message>
    <message>
        <source>Momentum (β₁) plus RMSprop-style scaling (β₂), both bias-corrected in the first steps.</source>
        <translation>动量（β₁）加上 RMSprop 式的缩放（β₂），两者在最初几步都做偏差修正。</translation>
    </message>
    <message>
        <source>m ← β₁m + (1 − β₁)g
v ← β₂v + (1 − β₂)g²
m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)   (m̂ = m, v̂ = v without bias correction)
x ← x − η m̂ / (√v̂ + ε)</source>
        <translation>m ← β₁m + (1 − β₁)g
v ← β₂v + (1 − β₂)g²
m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)   （不做偏差修正时 m̂ = m, v̂ = v）
x ← x − η m̂ / (√v̂ + ε)</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>weight decay</source>
        <translation>权重衰减</translation>
    </message>
    <message>
        <source>Adam followed by decoupled weight decay that shrinks the point toward the origin by ηλ each step.</source>
        <translation>Adam 之后再做解耦的权重衰减，每步把点向原点收缩 ηλ。</translation>
    </message>
    <message>
        <source>m ← β₁m + (1 − β₁)g
v ← β₂v + (1 − β₂)g²
m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)   (m̂ = m, v̂ = v without bias correction)
x ← x − η m̂ / (√v̂ + ε)
x ← x − ηλx</source>
        <translation>m ← β₁m + (1 − β₁)g
v ← β₂v + (1 − β₂)g²
m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)   （不做偏差修正时 m̂ = m, v̂ = v）
x ← x − η m̂ / (√v̂ + ε)
x ← x − ηλx</translation>
    </message>
    <message>
        <source>Newton</source>
        <translation>牛顿法</translation>
    </message>
    <message>
        <source>damping</source>
        <translation>阻尼</translation>
    </message>
    <message>
        <source>Jumps to the minimum of the local quadratic model using the Hessian (damped by δ); fast near a minimum, attracted by saddles.</source>
        <translation>用 Hessian 矩阵（以 δ 阻尼）直接跳到局部二次模型的最小值；在极小值附近很快，但会被鞍点吸引。</translation>
    </message>
    <message>
        <source>Newton needs a Hessian; in weight space it is (D·K)² — not part of this course</source>
        <translation>牛顿法需要 Hessian 矩阵；在权重空间中它有 (D·K)² 个元素——不在本课程范围内</translation>
    </message>
    <message>
        <source>L-BFGS</source>
        <translation>L-BFGS</translation>
    </message>
    <message>
        <source>step length</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>memory (pairs kept)</source>
        <translation>记忆（保留的向量对数）</translation>
    </message>
    <message>
        <source>Armijo line search</source>
        <translation>Armijo 线搜索</translation>
    </message>
    <message>
        <source>A quasi-Newton method: the last m steps and gradient changes stand in for the inverse Hessian, and a line search picks the step; fast and light on memory with full batches, poor with noisy mini-batches.</source>
        <translation>拟牛顿法：用最近 m 步的位移和梯度变化近似 Hessian 的逆，再由线搜索确定步长；在全批量下快速且省内存，在带噪声的小批量下表现较差。</translation>
    </message>
    <message>
        <source>s = x − x_prev,  y = g − g_prev   (last m pairs)
d = −H g   (two-loop recursion, H ≈ (∇²f)⁻¹)
α = η, halved until f(x + αd) ≤ f(x) + c₁αgᵀd (doubled while too short)
x ← x + αd</source>
        <translation>s = x − x_prev,  y = g − g_prev   （最近 m 对）
d = −H g   （双循环递推，H ≈ (∇²f)⁻¹）
α = η，减半直到 f(x + αd) ≤ f(x) + c₁αgᵀd（步子太短时加倍）
x ← x + αd</translation>
    </message>
    <message>
        <source>Random search</source>
        <translation>随机搜索</translation>
    </message>
    <message>
        <source>random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Draws a random point anywhere in the bounds and keeps it only if it is lower: no gradient at all.</source>
        <translation>在边界内任意抽取一个随机点，只有更低时才保留：完全不用梯度。</translation>
    </message>
    <message>
        <source>random search draws points inside a 2-D surface&apos;s bounds</source>
        <translation>随机搜索在二维曲面的边界内抽取点</translation>
    </message>
    <message>
        <source>x′ ~ Uniform(bounds)
x ← x′ if f(x′) &lt; f(x)</source>
        <translation>x′ ~ 均匀分布(边界)
若 f(x′) &lt; f(x)，则 x ← x′</translation>
    </message>
    <message>
        <source>Random local search</source>
        <translation>随机局部搜索</translation>
    </message>
    <message>
        <source>step size</source>
        <translation>步长</translation>
    </message>
    <message>
        <source>Tries a random nearby point (spread σ) and keeps it only if it is lower: no gradient at all.</source>
        <translation>尝试附近的一个随机点（散布 σ），只有更低时才保留：完全不用梯度。</translation>
    </message>
    <message>
        <source>random local search compares values of a 2-D surface</source>
        <translation>随机局部搜索比较二维曲面上的函数值</translation>
    </message>
    <message>
        <source>x′ = x + σ·N(0, I)
x ← x′ if f(x′) &lt; f(x)</source>
        <translation>x′ = x + σ·N(0, I)
若 f(x′) &lt; f(x)，则 x ← x′</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>doubtful</source>
        <translation>可疑</translation>
    </message>
    <message>
        <source>kink</source>
        <translation>不可导点</translation>
    </message>
    <message>
        <source>right</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>data loss</source>
        <translation>数据损失</translation>
    </message>
    <message>
        <source>regularization λ‖W‖²</source>
        <translation>正则化 λ‖W‖²</translation>
    </message>
    <message>
        <source>data + reg</source>
        <translation>数据 + 正则化</translation>
    </message>
    <message>
        <source>softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>multiclass SVM</source>
        <translation>多类 SVM</translation>
    </message>
    <message>
        <source>Planted bug: ∇f is halved, as when the 2 of d(x²)/dx = 2x is forgotten.</source>
        <translation>植入的错误：∇f 被减半，就像忘了 d(x²)/dx = 2x 中的 2。</translation>
    </message>
    <message>
        <source>Planted bug: the regularizer&apos;s gradient is λW instead of 2λW (a lost factor 2).</source>
        <translation>植入的错误：正则项的梯度写成了 λW 而不是 2λW（丢了因子 2）。</translation>
    </message>
    <message>
        <source>as expected</source>
        <translation>符合预期</translation>
    </message>
    <message>
        <source>UNEXPECTED: check the loss and the initialization</source>
        <translation>不符合预期：请检查损失函数和初始化</translation>
    </message>
    <message>
        <source>overfits</source>
        <translation>能过拟合</translation>
    </message>
    <message>
        <source>FAILS to overfit</source>
        <translation>无法过拟合</translation>
    </message>
    <message>
        <source>point is not finite</source>
        <translation>点不再是有限值</translation>
    </message>
    <message>
        <source>left the box</source>
        <translation>离开了边界框</translation>
    </message>
    <message>
        <source>value is not finite</source>
        <translation>函数值不再是有限值</translation>
    </message>
    <message>
        <source>gradient is not finite</source>
        <translation>梯度不再是有限值</translation>
    </message>
    <message>
        <source>loss exploded</source>
        <translation>损失爆炸</translation>
    </message>
    <message>
        <source>training W*</source>
        <translation>正在训练 W*</translation>
    </message>
    <message>
        <source>it was trained on other data</source>
        <translation>它是在别的数据上训练的</translation>
    </message>
    <message>
        <source>it was trained for another loss</source>
        <translation>它是为另一种损失训练的</translation>
    </message>
    <message>
        <source>it was trained with another λ</source>
        <translation>它是用另一个 λ 训练的</translation>
    </message>
    <message>
        <source>it was trained from another seed</source>
        <translation>它是从另一个随机种子训练的</translation>
    </message>
    <message>
        <source>coarse preview</source>
        <translation>粗略预览</translation>
    </message>
    <message>
        <source>contours</source>
        <translation>等高线</translation>
    </message>
    <message>
        <source>the expression is empty</source>
        <translation>表达式是空的</translation>
    </message>
    <message>
        <source>the number is too large for a float</source>
        <translation>这个数太大，超出了浮点数的范围</translation>
    </message>
    <message>
        <source>only the listed functions can be called (sin(x), max(x, y))</source>
        <translation>只能调用列出的函数（sin(x)、max(x, y)）</translation>
    </message>
    <message>
        <source>keyword arguments are not allowed</source>
        <translation>不允许使用关键字参数</translation>
    </message>
    <message>
        <source>&apos;not&apos; is not allowed</source>
        <translation>不允许使用 &apos;not&apos;</translation>
    </message>
    <message>
        <source>&apos;~&apos; is not allowed</source>
        <translation>不允许使用 &apos;~&apos;</translation>
    </message>
    <message>
        <source>&apos;^&apos; is not a power here: write ** (x**2)</source>
        <translation>&apos;^&apos; 在这里不是乘方：请写 **（x**2）</translation>
    </message>
    <message>
        <source>&apos;//&apos; (floor division) is not allowed</source>
        <translation>不允许使用 &apos;//&apos;（整除）</translation>
    </message>
    <message>
        <source>&apos;%&apos; is not allowed</source>
        <translation>不允许使用 &apos;%&apos;</translation>
    </message>
    <message>
        <source>&apos;@&apos; is not allowed</source>
        <translation>不允许使用 &apos;@&apos;</translation>
    </message>
    <message>
        <source>attribute access (&apos;.&apos;) is not allowed</source>
        <translation>不允许访问属性（&apos;.&apos;）</translation>
    </message>
    <message>
        <source>indexing with [ ] is not allowed</source>
        <translation>不允许用 [ ] 取下标</translation>
    </message>
    <message>
        <source>lambda is not allowed</source>
        <translation>不允许使用 lambda</translation>
    </message>
    <message>
        <source>comprehensions are not allowed</source>
        <translation>不允许使用推导式</translation>
    </message>
    <message>
        <source>text (strings) is not allowed</source>
        <translation>不允许使用文本（字符串）</translation>
    </message>
    <message>
        <source>comparisons are not allowed</source>
        <translation>不允许使用比较运算</translation>
    </message>
    <message>
        <source>&apos;and&apos;/&apos;or&apos; are not allowed</source>
        <translation>不允许使用 &apos;and&apos;/&apos;or&apos;</translation>
    </message>
    <message>
        <source>&apos;if … else&apos; is not allowed</source>
        <translation>不允许使用 &apos;if … else&apos;</translation>
    </message>
    <message>
        <source>&apos;:=&apos; is not allowed</source>
        <translation>不允许使用 &apos;:=&apos;</translation>
    </message>
    <message>
        <source>&apos;*&apos; unpacking is not allowed</source>
        <translation>不允许用 &apos;*&apos; 解包</translation>
    </message>
    <message>
        <source>tuples (a, b) are not allowed</source>
        <translation>不允许使用元组 (a, b)</translation>
    </message>
    <message>
        <source>lists [ ] are not allowed</source>
        <translation>不允许使用列表 [ ]</translation>
    </message>
    <message>
        <source>sets { } are not allowed</source>
        <translation>不允许使用集合 { }</translation>
    </message>
    <message>
        <source>dictionaries { } are not allowed</source>
        <translation>不允许使用字典 { }</translation>
    </message>
    <message>
        <source>&apos;await&apos; is not allowed</source>
        <translation>不允许使用 &apos;await&apos;</translation>
    </message>
    <message>
        <source>&apos;yield&apos; is not allowed</source>
        <translation>不允许使用 &apos;yield&apos;</translation>
    </message>
    <message>
        <source>slices are not allowed</source>
        <translation>不允许使用切片</translation>
    </message>
    <message>
        <source>Softmax</source>
        <translation>softmax</translation>
    </message>
    <message>
        <source>SVM</source>
        <translation>SVM</translation>
    </message>
    <message>
        <source>start points</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>the file is empty</source>
        <translation>文件是空的</translation>
    </message>
    <message>
        <source>not valid JSON: nested too deeply</source>
        <translation>不是有效的 JSON：嵌套太深</translation>
    </message>
    <message>
        <source>missing or not an integer</source>
        <translation>缺失或不是整数</translation>
    </message>
    <message>
        <source>run labels must be unique</source>
        <translation>运行的标签必须各不相同</translation>
    </message>
    <message>
        <source>run ids must be unique</source>
        <translation>运行的 id 必须各不相同</translation>
    </message>
    <message>
        <source>a start point is [x, y]</source>
        <translation>起点应为 [x, y]</translation>
    </message>
    <message>
        <source>must be true, false or null</source>
        <translation>必须是 true、false 或 null</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>unknown field</source>
        <translation>未知的字段</translation>
    </message>
    <message>
        <source>holds an invalid character (a lone UTF-16 surrogate such as \ud800)</source>
        <translation>含有无效字符（孤立的 UTF-16 代理项，例如 \ud800）</translation>
    </message>
    <message>
        <source>holds a NUL character</source>
        <translation>含有 NUL 字符</translation>
    </message>
    <message>
        <source>must be a finite number</source>
        <translation>必须是有限的数</translation>
    </message>
    <message>
        <source>expected [[x0, x1], [y0, y1]]</source>
        <translation>应为 [[x0, x1], [y0, y1]]</translation>
    </message>
    <message>
        <source>expected [low, high]</source>
        <translation>应为 [下限, 上限]</translation>
    </message>
    <message>
        <source>must be below lr_high</source>
        <translation>必须小于 lr_high</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>is not a SHA-256 digest (64 lower-case hexadecimal digits)</source>
        <translation>不是 SHA-256 摘要（64 个小写十六进制数字）</translation>
    </message>
    <message>
        <source>is not base64 text</source>
        <translation>不是 base64 文本</translation>
    </message>
    <message>
        <source>holds a value that is not a finite number</source>
        <translation>含有不是有限数的值</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>true/false</source>
        <translation>true/false（布尔值）</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null（空值）</translation>
    </message>
    <message>
        <source>Expecting value</source>
        <translation>此处应有一个值</translation>
    </message>
    <message>
        <source>Expecting property name enclosed in double quotes</source>
        <translation>此处应有用双引号括起的属性名</translation>
    </message>
    <message>
        <source>Expecting &apos;:&apos; delimiter</source>
        <translation>此处应有分隔符 &apos;:&apos;</translation>
    </message>
    <message>
        <source>Expecting &apos;,&apos; delimiter</source>
        <translation>此处应有分隔符 &apos;,&apos;</translation>
    </message>
    <message>
        <source>Unterminated string starting at</source>
        <translation>字符串没有结束</translation>
    </message>
    <message>
        <source>Invalid control character at</source>
        <translation>无效的控制字符</translation>
    </message>
    <message>
        <source>Invalid \escape</source>
        <translation>无效的 \ 转义</translation>
    </message>
    <message>
        <source>Invalid \uXXXX escape</source>
        <translation>无效的 \uXXXX 转义</translation>
    </message>
    <message>
        <source>Extra data</source>
        <translation>多余的数据</translation>
    </message>
    <message>
        <source>too large to load into memory</source>
        <translation>太大，无法载入内存</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <source>unknown format: expected a CIFAR-10 folder (binary version preferred), a .npz or a .csv file</source>
        <translation>未知的格式：应为 CIFAR-10 文件夹（最好是二进制版本）、.npz 或 .csv 文件</translation>
    </message>
    <message>
        <source>no samples (or no features)</source>
        <translation>没有样本（或没有特征）</translation>
    </message>
    <message>
        <source>X holds NaN or infinite values</source>
        <translation>X 含有 NaN 或无穷大的值</translation>
    </message>
    <message>
        <source>labels must be whole numbers</source>
        <translation>标签必须是整数</translation>
    </message>
    <message>
        <source>needs at least two classes</source>
        <translation>至少需要两个类别</translation>
    </message>
    <message>
        <source>a single .npy array, not a .npz archive of X and y</source>
        <translation>这是单个 .npy 数组，不是含有 X 和 y 的 .npz 压缩包</translation>
    </message>
    <message>
        <source>no samples</source>
        <translation>没有样本</translation>
    </message>
    <message>
        <source>needs at least one feature column and a label column</source>
        <translation>至少需要一个特征列和一个标签列</translation>
    </message>
    <message>
        <source>not a CIFAR-10 folder: no data_batch_1.bin … data_batch_5.bin (binary version) or data_batch_1 … (python version)</source>
        <translation>不是 CIFAR-10 文件夹：没有 data_batch_1.bin … data_batch_5.bin（二进制版本）或 data_batch_1 …（python 版本）</translation>
    </message>
    <message>
        <source>missing &apos;data&apos; or &apos;labels&apos;</source>
        <translation>缺少 &apos;data&apos; 或 &apos;labels&apos;</translation>
    </message>
    <message>
        <source>labels out of range 0 … 9</source>
        <translation>标签超出范围 0 … 9</translation>
    </message>
    <message>
        <source>&apos;labels&apos; must be a list of whole numbers 0 … 9</source>
        <translation>&apos;labels&apos; 必须是 0 … 9 的整数列表</translation>
    </message>
    <message>
        <source>&apos;label_names&apos; must be a list of 10 names</source>
        <translation>&apos;label_names&apos; 必须是 10 个名称的列表</translation>
    </message>
    <message>
        <source>a key that is not ASCII text</source>
        <translation>有一个键不是 ASCII 文本</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>没有这个文件</translation>
    </message>
    <message>
        <source>cannot be read: it is a folder, not a file</source>
        <translation>无法读取：这是文件夹，不是文件</translation>
    </message>
    <message>
        <source>a named pipe</source>
        <translation>命名管道</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>字符设备</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>块设备</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>not an ordinary file</source>
        <translation>不是普通文件</translation>
    </message>
    <message>
        <source>no frames to write</source>
        <translation>没有可写入的帧</translation>
    </message>
    <message>
        <source>no message</source>
        <translation>没有消息</translation>
    </message>
    <message>
        <source>internal error (a bug in optviz, please report it)</source>
        <translation>内部错误（optviz 的缺陷，请报告）</translation>
    </message>
    <message>
        <source>{plane}, mini-batches of {batch}</source>
        <translation>{plane}，小批量大小 {batch}</translation>
    </message>
    <message>
        <source>{plane}; optimizers step on the gradient of a random batch of {batch} samples (seed {seed})</source>
        <translation>{plane}；优化器按随机小批量（{batch} 个样本，种子 {seed}）的梯度更新</translation>
    </message>
    <message>
        <source>{dataset}: {loss} slice</source>
        <translation>{dataset}：{loss} 切片</translation>
    </message>
    <message>
        <source>L(W0 + a·D1 + b·D2) of a linear classifier on {dataset} ({samples} samples, {inputs} inputs incl. bias, {classes} classes), {loss} loss + λ‖W‖², λ = {reg:g}</source>
        <translation>线性分类器在 {dataset} 上的 L(W0 + a·D1 + b·D2)（{samples} 个样本，含偏置 {inputs} 个输入，{classes} 个类别），{loss} 损失 + λ‖W‖²，λ = {reg:g}</translation>
    </message>
    <message>
        <source>multiclass SVM (Δ = {delta:g})</source>
        <translation>多类 SVM（Δ = {delta:g}）</translation>
    </message>
    <message>
        <source>{surface} at ({x:.4g}, {y:.4g})</source>
        <translation>{surface}，位于 ({x:.4g}, {y:.4g})</translation>
    </message>
    <message>
        <source>{loss}: {part}</source>
        <translation>{loss}：{part}</translation>
    </message>
    <message>
        <source>{w} (bias)</source>
        <translation>{w}（偏置）</translation>
    </message>
    <message>
        <source>Planted bug: the data-loss gradient is summed over the {n} samples instead of averaged (the 1/N forgotten).</source>
        <translation>植入的错误：数据损失的梯度对 {n} 个样本求和而不是求平均（忘了 1/N）。</translation>
    </message>
    <message>
        <source>{head}: measured {measured:.4f}, expected {formula} = {expected:.4f} ({off:.1f} % off)</source>
        <translation>{head}：实测 {measured:.4f}，预期 {formula} = {expected:.4f}（偏差 {off:.1f} %）</translation>
    </message>
    <message>
        <source>{head} {n} samples: loss {first:.3f} → {final:.2e} in {steps} steps, accuracy {accuracy:.0f} %</source>
        <translation>{head} {n} 个样本：损失在 {steps} 步内 {first:.3f} → {final:.2e}，准确率 {accuracy:.0f} %</translation>
    </message>
    <message>
        <source>height: {f}</source>
        <translation>高度：{f}</translation>
    </message>
    <message>
        <source>height: log₁₀({f} − min {f})</source>
        <translation>高度：log₁₀({f} − min {f})</translation>
    </message>
    <message>
        <source>height: {f}, clipped at {top:.4g}</source>
        <translation>高度：{f}，在 {top:.4g} 处截断</translation>
    </message>
    <message>
        <source>{label} {copy:d}</source>
        <translation>{label} {copy:d}</translation>
    </message>
    <message>
        <source>loading {dataset}</source>
        <translation>正在加载 {dataset}</translation>
    </message>
    <message>
        <source>the saved W* does not fit this slice ({reason}): training W*</source>
        <translation>保存的 W* 不适用于这个切片（{reason}）：正在训练 W*</translation>
    </message>
    <message>
        <source>it holds {stored} weights, the data need {needed}</source>
        <translation>它有 {stored} 个权重，数据需要 {needed}</translation>
    </message>
    <message>
        <source>slice grid {n}×{n}</source>
        <translation>切片网格 {n}×{n}</translation>
    </message>
    <message>
        <source>{surface} race</source>
        <translation>{surface} 上的竞赛</translation>
    </message>
    <message>
        <source>{loss} slice race</source>
        <translation>{loss} 切片上的竞赛</translation>
    </message>
    <message>
        <source>f(x, y) = {text} race</source>
        <translation>f(x, y) = {text} 上的竞赛</translation>
    </message>
    <message>
        <source>the expression must be text, got {kind}</source>
        <translation>表达式必须是文本，得到的是 {kind}</translation>
    </message>
    <message>
        <source>the expression is {length} characters long; the limit is {limit}</source>
        <translation>表达式有 {length} 个字符；上限是 {limit}</translation>
    </message>
    <message>
        <source>character {char} is not allowed (use ASCII: x**2, not x²)</source>
        <translation>不允许使用字符 {char}（请用 ASCII：写 x**2，不要写 x²）</translation>
    </message>
    <message>
        <source>brackets nest deeper than {limit}</source>
        <translation>括号嵌套超过 {limit} 层</translation>
    </message>
    <message>
        <source>the expression nests deeper than {limit} levels</source>
        <translation>表达式嵌套超过 {limit} 层</translation>
    </message>
    <message>
        <source>syntax error: {message}</source>
        <translation>语法错误：{message}</translation>
    </message>
    <message>
        <source>{node} is not part of the language</source>
        <translation>{node} 不属于这个表达式语言</translation>
    </message>
    <message>
        <source>the constant {part} is not a real number</source>
        <translation>常数 {part} 不是实数</translation>
    </message>
    <message>
        <source>the constant {part} overflows a float</source>
        <translation>常数 {part} 超出了浮点数的范围</translation>
    </message>
    <message>
        <source>{kind} is not allowed; only real numbers</source>
        <translation>不允许使用 {kind}；只能用实数</translation>
    </message>
    <message>
        <source>{name} is a function: write {name}(…)</source>
        <translation>{name} 是函数：请写成 {name}(…)</translation>
    </message>
    <message>
        <source>unknown name {name}; the names are {known}</source>
        <translation>未知的名称 {name}；可用的名称有 {known}</translation>
    </message>
    <message>
        <source>unknown function {name}; the functions are {listed}</source>
        <translation>未知的函数 {name}；可用的函数有 {listed}</translation>
    </message>
    <message>
        <source>operator {op} is not allowed</source>
        <translation>不允许使用运算符 {op}</translation>
    </message>
    <message>
        <source>{name} takes 1 argument, got {count}</source>
        <translation>{name} 需要 1 个参数，给了 {count} 个</translation>
    </message>
    <message>
        <source>{name} takes 2 arguments, got {count}</source>
        <translation>{name} 需要 2 个参数，给了 {count} 个</translation>
    </message>
    <message>
        <source>parameter name {name}: use a letter, then letters, digits or _ (at most 16)</source>
        <translation>参数名 {name}：以字母开头，后面是字母、数字或 _（最多 16 个）</translation>
    </message>
    <message>
        <source>parameter name {name} is taken by the language</source>
        <translation>参数名 {name} 已被表达式语言占用</translation>
    </message>
    <message>
        <source>parameter {name} must be a finite number within ±{limit}, got {value}</source>
        <translation>参数 {name} 必须是 ±{limit} 以内的有限数，得到的是 {value}</translation>
    </message>
    <message>
        <source>bounds must be ((x0, x1), (y0, y1)), got {bounds}</source>
        <translation>区域必须写成 ((x0, x1), (y0, y1))，得到的是 {bounds}</translation>
    </message>
    <message>
        <source>bounds: {axis} must be finite numbers within ±{limit}</source>
        <translation>区域：{axis} 必须是 ±{limit} 以内的有限数</translation>
    </message>
    <message>
        <source>bounds: {axis} runs from {lo} to {hi}; the first must be smaller</source>
        <translation>区域：{axis} 从 {lo} 到 {hi}；前一个数必须更小</translation>
    </message>
    <message>
        <source>{where}: {problem}</source>
        <translation>{where}：{problem}</translation>
    </message>
    <message>
        <source>cannot be read (not UTF-8 text: byte {byte})</source>
        <translation>无法读取（不是 UTF-8 文本：第 {byte} 字节）</translation>
    </message>
    <message>
        <source>not valid JSON: {message} at line {line}, column {column} (truncated or damaged?)</source>
        <translation>不是有效的 JSON：第 {line} 行第 {column} 列：{message}（文件被截断或损坏？）</translation>
    </message>
    <message>
        <source>not valid JSON: {message}</source>
        <translation>不是有效的 JSON：{message}</translation>
    </message>
    <message>
        <source>the file must hold a JSON object, got {kind}</source>
        <translation>文件必须是一个 JSON 对象，实际是{kind}</translation>
    </message>
    <message>
        <source>expected {format}: not an optviz experiment</source>
        <translation>应为 {format}：这不是 optviz 实验</translation>
    </message>
    <message>
        <source>version {version} is not supported (this optviz reads versions {versions})</source>
        <translation>不支持版本 {version}（此版本的 optviz 能读取版本 {versions}）</translation>
    </message>
    <message>
        <source>cannot save {path}: it is a folder</source>
        <translation>无法保存 {path}：这是一个文件夹</translation>
    </message>
    <message>
        <source>cannot save {path}: folder {folder} cannot be written ({reason})</source>
        <translation>无法保存 {path}：文件夹 {folder} 不可写（{reason}）</translation>
    </message>
    <message>
        <source>cannot be opened ({reason})</source>
        <translation>无法打开（{reason}）</translation>
    </message>
    <message>
        <source>dataset file {path} not found</source>
        <translation>找不到数据集文件 {path}</translation>
    </message>
    <message>
        <source>{count} runs; at most {limit}</source>
        <translation>{count} 条运行；最多 {limit} 条</translation>
    </message>
    <message>
        <source>unknown surface {name}; one of {names}</source>
        <translation>未知的曲面 {name}；可选 {names}</translation>
    </message>
    <message>
        <source>{surface} has no parameter {name}</source>
        <translation>{surface} 没有参数 {name}</translation>
    </message>
    <message>
        <source>{loss} is not &apos;softmax&apos; or &apos;svm&apos;</source>
        <translation>{loss} 不是 &apos;softmax&apos; 或 &apos;svm&apos;</translation>
    </message>
    <message>
        <source>{center} is not &apos;init&apos; or &apos;trained&apos;</source>
        <translation>{center} 不是 &apos;init&apos; 或 &apos;trained&apos;</translation>
    </message>
    <message>
        <source>unknown optimizer {kind}; one of {kinds}</source>
        <translation>未知的优化器 {kind}；可选 {kinds}</translation>
    </message>
    <message>
        <source>{colour} is not a colour like &apos;#1f77b4&apos;</source>
        <translation>{colour} 不是 &apos;#1f77b4&apos; 这样的颜色</translation>
    </message>
    <message>
        <source>{kind} has no hyper-parameter {name}</source>
        <translation>{kind} 没有超参数 {name}</translation>
    </message>
    <message>
        <source>must be true or false, got {kind}</source>
        <translation>必须是 true 或 false，实际是 {kind}</translation>
    </message>
    <message>
        <source>not a valid schedule ({reason})</source>
        <translation>不是有效的调度（{reason}）</translation>
    </message>
    <message>
        <source>needs 1 to {limit} start points, got {count}</source>
        <translation>需要 1 到 {limit} 个起点，实际有 {count} 个</translation>
    </message>
    <message>
        <source>unknown colour map {name}; one of {names}</source>
        <translation>未知的颜色映射 {name}；可选 {names}</translation>
    </message>
    <message>
        <source>unknown piece {name}; one of {names}</source>
        <translation>未知的部件 {name}；可选 {names}</translation>
    </message>
    <message>
        <source>expected an object, got {kind}</source>
        <translation>应为对象，实际是{kind}</translation>
    </message>
    <message>
        <source>expected a list, got {kind}</source>
        <translation>应为列表，实际是{kind}</translation>
    </message>
    <message>
        <source>expected text, got {kind}</source>
        <translation>应为文本，实际是{kind}</translation>
    </message>
    <message>
        <source>is {length} characters long; at most {limit}</source>
        <translation>长 {length} 个字符；最多 {limit} 个</translation>
    </message>
    <message>
        <source>has a name of {length} bytes; a file name is at most {limit}</source>
        <translation>含有长 {length} 字节的名称；文件名最多 {limit} 字节</translation>
    </message>
    <message>
        <source>expected a whole number, got {kind}</source>
        <translation>应为整数，实际是{kind}</translation>
    </message>
    <message>
        <source>expected a number, got {kind}</source>
        <translation>应为数字，实际是{kind}</translation>
    </message>
    <message>
        <source>{value} is out of range [{lo}, {hi}]</source>
        <translation>{value} 超出范围 [{lo}, {hi}]</translation>
    </message>
    <message>
        <source>a number of about {digits} digits</source>
        <translation>约 {digits} 位的数</translation>
    </message>
    <message>
        <source>{value} is not a run id (1 to 32 letters, digits, &apos;_&apos; or &apos;-&apos;)</source>
        <translation>{value} 不是运行 id（1 到 32 个字母、数字、&apos;_&apos; 或 &apos;-&apos;）</translation>
    </message>
    <message>
        <source>{value} is not one of {choices}</source>
        <translation>{value} 不在 {choices} 之中</translation>
    </message>
    <message>
        <source>start points[{index}]</source>
        <translation>起点[{index}]</translation>
    </message>
    <message>
        <source>expected [rows, columns], got {count} numbers</source>
        <translation>应为 [行数, 列数]，实际有 {count} 个数</translation>
    </message>
    <message>
        <source>{rows}×{cols} weights; at most {limit}</source>
        <translation>{rows}×{cols} 个权重；最多 {limit} 个</translation>
    </message>
    <message>
        <source>holds {size} bytes; {shape} float64 weights take {need}</source>
        <translation>有 {size} 字节；{shape} 个 float64 权重需要 {need} 字节</translation>
    </message>
    <message>
        <source>{path}: {problem}</source>
        <translation>{path}：{problem}</translation>
    </message>
    <message>
        <source>cannot read ({reason})</source>
        <translation>无法读取（{reason}）</translation>
    </message>
    <message>
        <source>X must have a sample axis and features, shape (N, D); got {shape}</source>
        <translation>X 必须有样本轴和特征，形状为 (N, D)；实际为 {shape}</translation>
    </message>
    <message>
        <source>y must be one label per sample, shape (N,); got {shape}</source>
        <translation>y 必须是每个样本一个标签，形状为 (N,)；实际为 {shape}</translation>
    </message>
    <message>
        <source>X has {samples} samples but y has {labels} labels</source>
        <translation>X 有 {samples} 个样本，而 y 有 {labels} 个标签</translation>
    </message>
    <message>
        <source>X and y must be numeric and real; got {x} and {y}</source>
        <translation>X 和 y 必须是实数；实际为 {x} 和 {y}</translation>
    </message>
    <message>
        <source>X holds values as large as {largest}; rescale the data (|x| ≤ {limit})</source>
        <translation>X 含有大到 {largest} 的值；请缩放数据（|x| ≤ {limit}）</translation>
    </message>
    <message>
        <source>labels out of range: found {low} … {high}, expected 0 … {limit}</source>
        <translation>标签超出范围：实际为 {low} … {high}，应为 0 … {limit}</translation>
    </message>
    <message>
        <source>label {label} has no class name ({count} names given)</source>
        <translation>标签 {label} 没有类别名（只给了 {count} 个名称）</translation>
    </message>
    <message>
        <source>missing array(s) {names}; a .npz needs X and y</source>
        <translation>缺少数组 {names}；.npz 需要 X 和 y</translation>
    </message>
    <message>
        <source>not a readable .npz (truncated or corrupt?): {reason}</source>
        <translation>不是可读的 .npz（被截断或损坏？）：{reason}</translation>
    </message>
    <message>
        <source>array {key} unpacks to {size} bytes; the limit is {limit}</source>
        <translation>数组 {key} 解压后有 {size} 字节；上限是 {limit}</translation>
    </message>
    <message>
        <source>array {key} has dtype {dtype}; X and y must be numeric and real</source>
        <translation>数组 {key} 的 dtype 是 {dtype}；X 和 y 必须是实数</translation>
    </message>
    <message>
        <source>array {key} has dtype {dtype}; expected text</source>
        <translation>数组 {key} 的 dtype 是 {dtype}；应为文本</translation>
    </message>
    <message>
        <source>array {key} declares shape {shape} ({declared} bytes) but holds {held} bytes (truncated or damaged)</source>
        <translation>数组 {key} 声明形状为 {shape}（{declared} 字节），实际只有 {held} 字节（被截断或损坏）</translation>
    </message>
    <message>
        <source>class_names must be a list of 1 to {limit} names; got shape {shape}</source>
        <translation>class_names 必须是 1 到 {limit} 个名称的列表；实际形状为 {shape}</translation>
    </message>
    <message>
        <source>class names are at most {limit} characters</source>
        <translation>类别名最多 {limit} 个字符</translation>
    </message>
    <message>
        <source>not a readable CSV file: {reason}</source>
        <translation>不是可读的 CSV 文件：{reason}</translation>
    </message>
    <message>
        <source>data row {line} has {count} columns, expected {width}</source>
        <translation>第 {line} 行数据有 {count} 列，应为 {width} 列</translation>
    </message>
    <message>
        <source>data row {line} has a non-numeric value: {row}</source>
        <translation>第 {line} 行数据含有非数值：{row}</translation>
    </message>
    <message>
        <source>{reason}; use the CIFAR-10 binary version (data_batch_1.bin …, from cifar-10-binary.tar.gz): it holds no code, unlike the python pickles</source>
        <translation>{reason}；请使用 CIFAR-10 的二进制版本（data_batch_1.bin …，来自 cifar-10-binary.tar.gz）：它不含代码，而 python 版本的 pickle 文件含有</translation>
    </message>
    <message>
        <source>{size} bytes is not a whole number of {record}-byte records (1 label byte + {pixels} pixel bytes)</source>
        <translation>{size} 字节不是 {record} 字节记录（1 个标签字节 + {pixels} 个像素字节）的整数倍</translation>
    </message>
    <message>
        <source>label byte {label} at record {record}; CIFAR-10 labels are 0 … 9</source>
        <translation>第 {record} 条记录的标签字节是 {label}；CIFAR-10 的标签是 0 … 9</translation>
    </message>
    <message>
        <source>&apos;data&apos; must be uint8 of shape (n, {pixels}); got {shown}</source>
        <translation>&apos;data&apos; 必须是形状为 (n, {pixels}) 的 uint8；实际为 {shown}</translation>
    </message>
    <message>
        <source>{labels} labels for {images} images</source>
        <translation>{images} 张图像却有 {labels} 个标签</translation>
    </message>
    <message>
        <source>needs 10 class names of 1 to {limit} characters; found {count}</source>
        <translation>需要 10 个长 1 到 {limit} 个字符的类别名；实际有 {count} 个</translation>
    </message>
    <message>
        <source>expected a dict, found {kind}</source>
        <translation>应为字典，实际是 {kind}</translation>
    </message>
    <message>
        <source>cannot be read ({reason})</source>
        <translation>无法读取（{reason}）</translation>
    </message>
    <message>
        <source>is not a regular file (it is {kind}); only ordinary files are read</source>
        <translation>不是普通文件（它是{kind}）；只读取普通文件</translation>
    </message>
    <message>
        <source>is {size} bytes; at most {limit} are read</source>
        <translation>有 {size} 字节；最多读取 {limit} 字节</translation>
    </message>
    <message>
        <source>holds more than {limit} bytes; at most {limit} are read</source>
        <translation>超过 {limit} 字节；最多读取 {limit} 字节</translation>
    </message>
    <message>
        <source>must be true or false, got {value}</source>
        <translation>必须是 true 或 false，实际是 {value}</translation>
    </message>
    <message>
        <source>must be an integer &gt;= {low}, got {value}</source>
        <translation>必须是 &gt;= {low} 的整数，实际为 {value}</translation>
    </message>
    <message>
        <source>must be a number or a schedule, got {value}</source>
        <translation>必须是数字或调度，实际为 {value}</translation>
    </message>
    <message>
        <source>must be finite, got {value}</source>
        <translation>必须是有限值，实际为 {value}</translation>
    </message>
    <message>
        <source>the {kind} schedule reaches {value}, outside [{lo}, {hi}] within {steps} steps</source>
        <translation>{kind} 调度在 {steps} 步内会达到 {value}，超出 [{lo}, {hi}]</translation>
    </message>
    <message>
        <source>{label} has stopped: there is no next step to explain</source>
        <translation>{label} 已停止：没有下一步可讲解</translation>
    </message>
    <message>
        <source>training W* diverged at step {step} ({kind}, lr {lr}); use a smaller learning rate</source>
        <translation>训练 W* 在第 {step} 步发散（{kind}，学习率 {lr}）；请使用更小的学习率</translation>
    </message>
    <message>
        <source>batch_size must be in 1 … {samples}; got {value}</source>
        <translation>批量大小必须在 1 … {samples} 之内；实际为 {value}</translation>
    </message>
    <message>
        <source>{path} names one picture: for PNG frames use a .zip or a folder name without a suffix (e.g. race_frames)</source>
        <translation>{path} 只能存一张图片：要导出 PNG 帧，请用 .zip 或不带后缀的文件夹名（例如 race_frames）</translation>
    </message>
    <message>
        <source>cannot tell the format of {path}: use .mp4, .gif, .zip or a folder</source>
        <translation>无法判断 {path} 的格式：请用 .mp4、.gif、.zip 或文件夹</translation>
    </message>
    <message>
        <source>{frames} frames of {size} would make a {format} of about {need}; the limit is {limit} (fewer frames, a smaller size, or MP4)</source>
        <translation>{frames} 帧 {size} 会生成约 {need} 的 {format}；上限是 {limit}（请减少帧数、缩小尺寸或改用 MP4）</translation>
    </message>
    <message>
        <source>the export needs about {need} and the folder {folder} has {free} free</source>
        <translation>导出约需 {need}，而文件夹 {folder} 只剩 {free} 可用</translation>
    </message>
    <message>
        <source>size {size} is out of range (16 to 8192 pixels a side)</source>
        <translation>尺寸 {size} 超出范围（每边 16 到 8192 像素）</translation>
    </message>
    <message>
        <source>fps {fps} is out of range (0.1 to 240)</source>
        <translation>帧率 {fps} 超出范围（0.1 到 240）</translation>
    </message>
    <message>
        <source>MP4 (H.264, yuv420p) needs even sizes, got {size}</source>
        <translation>MP4（H.264，yuv420p）需要偶数尺寸，实际为 {size}</translation>
    </message>
    <message>
        <source>GIF cannot play faster than {limit} fps (got {fps})</source>
        <translation>GIF 的播放速度不能超过 {limit} fps（实际为 {fps}）</translation>
    </message>
    <message>
        <source>need at least 1 frame and 1 step per frame (got {frames} frames, {spf} steps per frame)</source>
        <translation>至少需要 1 帧、每帧 1 步（实际为 {frames} 帧，每帧 {spf} 步）</translation>
    </message>
    <message>
        <source>unknown format {format}; one of {formats}</source>
        <translation>未知的格式 {format}；可选 {formats}</translation>
    </message>
    <message>
        <source>cannot tell the picture format of {name}: use .png or .svg</source>
        <translation>无法判断 {name} 的图片格式：请用 .png 或 .svg</translation>
    </message>
    <message>
        <source>nothing was drawn into {name}</source>
        <translation>{name} 中没有绘制任何内容</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>无法写入 {path}：{reason}</translation>
    </message>
    <message>
        <source>cannot write {name}…: a file name of {size} bytes; at most {limit}</source>
        <translation>无法写入 {name}…：文件名长 {size} 字节；最多 {limit} 字节</translation>
    </message>
    <message>
        <source>cannot write {path}: it is a folder</source>
        <translation>无法写入 {path}：这是一个文件夹</translation>
    </message>
    <message>
        <source>cannot write {path}: folder {folder} is not writable ({reason})</source>
        <translation>无法写入 {path}：文件夹 {folder} 不可写（{reason}）</translation>
    </message>
    <message>
        <source>cannot write {path}: folder {folder} does not exist</source>
        <translation>无法写入 {path}：文件夹 {folder} 不存在</translation>
    </message>
    <message>
        <source>cannot write {path}: {folder} is not a folder</source>
        <translation>无法写入 {path}：{folder} 不是文件夹</translation>
    </message>
    <message>
        <source>cannot move the finished file onto {path}: {reason}</source>
        <translation>无法把完成的文件移到 {path}：{reason}</translation>
    </message>
    <message>
        <source>{path} already exists and is not an empty folder</source>
        <translation>{path} 已存在，且不是空文件夹</translation>
    </message>
    <message>
        <source>cannot write frame {frame}: {reason}</source>
        <translation>无法写入第 {frame} 帧：{reason}</translation>
    </message>
    <message>
        <source>cannot start ffmpeg: {reason}</source>
        <translation>无法启动 ffmpeg：{reason}</translation>
    </message>
    <message>
        <source>ffmpeg stopped while writing {name}: {reason}</source>
        <translation>ffmpeg 在写入 {name} 时停止：{reason}</translation>
    </message>
    <message>
        <source>ffmpeg failed on {name}: {reason}</source>
        <translation>ffmpeg 处理 {name} 失败：{reason}</translation>
    </message>
    <message>
        <source>schedule field {field} must be a finite number, got {value}</source>
        <translation>调度字段 {field} 必须是有限的数，实际为 {value}</translation>
    </message>
    <message>
        <source>schedule field {field} must be an integer &gt;= 1, got {value}</source>
        <translation>调度字段 {field} 必须是 &gt;= 1 的整数，实际为 {value}</translation>
    </message>
    <message>
        <source>inverse_time needs k &gt;= 0, got {value}</source>
        <translation>inverse_time 调度需要 k &gt;= 0，实际为 {value}</translation>
    </message>
    <message>
        <source>unknown schedule kind {kind}; known: {kinds}</source>
        <translation>未知的调度种类 {kind}；已知：{kinds}</translation>
    </message>
    <message>
        <source>schedule {kind} has no field(s) {unknown}; fields: {known}</source>
        <translation>调度 {kind} 没有字段 {unknown}；它的字段：{known}</translation>
    </message>
    <message>
        <source>schedule {kind}: {reason}</source>
        <translation>调度 {kind}：{reason}</translation>
    </message>
    <message>
        <source>surface {name} has no parameter {key} (parameters: {known})</source>
        <translation>曲面 {name} 没有参数 {key}（参数：{known}）</translation>
    </message>
    <message>
        <source>surface {name}: {key} must be a number in [{lo}, {hi}], got {value}</source>
        <translation>曲面 {name}：{key} 必须是 [{lo}, {hi}] 之内的数，实际为 {value}</translation>
    </message>
    <message>
        <source>unknown surface {name}; known: {names}</source>
        <translation>未知的曲面 {name}；已知：{names}</translation>
    </message>
    <message>
        <source>Rosenbrock race</source>
        <translation>Rosenbrock 函数上的竞赛</translation>
    </message>
    <message>
        <source>Rosenbrock: AdaGrad&apos;s shrinking steps against RMSprop</source>
        <translation>Rosenbrock 函数：AdaGrad 越来越小的步长与 RMSprop</translation>
    </message>
    <message>
        <source>AdaGrad divides by the sum of every squared gradient it has seen, so its steps shrink for good and it stalls halfway down the valley; RMSprop forgets old gradients and keeps moving.</source>
        <translation>AdaGrad 除以它见过的所有梯度平方之和，所以步长一去不回地变小，停在半山谷；RMSprop 会遗忘旧梯度，一直向前走。</translation>
    </message>
    <message>
        <source>Watch the step lengths. AdaGrad (orange) starts with big steps that shrink and shrink until it hardly moves, far from the minimum at (1, 1). RMSprop (white) keeps taking steps of about its η and gets much closer.</source>
        <translation>看步长。AdaGrad（橙色）一开始步子很大，随后越来越小，直到几乎不动，离 (1, 1) 处的极小值还很远。RMSprop（白色）的步长始终约为它的 η，离极小值近得多。</translation>
    </message>
    <message>
        <source>Raise AdaGrad&apos;s η to 2: it goes further before stalling, but still stalls. Lower RMSprop&apos;s ρ to 0.9: it forgets faster and rattles more.</source>
        <translation>把 AdaGrad 的 η 提高到 2：它在停滞前走得更远，但仍会停滞。把 RMSprop 的 ρ 降到 0.9：它忘得更快，抖动也更大。</translation>
    </message>
    <message>
        <source>AdaGrad&apos;s denominator is √(Σ g²) over every step so far: it only grows, so the effective step η/√(Σ g²) only shrinks, like η/√t on a steady slope. RMSprop keeps a running average instead (ρ = 0.99 forgets old gradients), so its denominator follows the current slope and its steps stay about η.</source>
        <translation>AdaGrad 的分母是至今每一步的 √(Σ g²)：它只增不减，所以有效步长 η/√(Σ g²) 只会变小，在平稳的坡上就像 η/√t。RMSprop 改用滑动平均（ρ = 0.99 会遗忘旧的梯度），所以它的分母跟随当前的坡度，步长保持在 η 左右。</translation>
    </message>
    <message>
        <source>AdaGrad&apos;s shrinking box against RMSprop&apos;s breathing one</source>
        <translation>AdaGrad 不断缩小的方框与 RMSprop 一张一缩的方框</translation>
    </message>
    <message>
        <source>The box at each head is the per-coordinate step η/(√c + ε). AdaGrad adds up every squared gradient, so c only grows and its box shrinks for good: it stalls on the valley wall. RMSprop keeps a leaky average (ρ = 0.99), so when the gradients get small on the valley floor c decays and the box grows back: it breathes, and RMSprop goes on towards (1, 1).</source>
        <translation>每个当前位置的方框是每个坐标的步长 η/(√c + ε)。AdaGrad 把每个梯度的平方都累加起来，所以 c 只增不减，方框一去不回地缩小：它停在了山谷的壁上。RMSprop 保留的是带泄漏的平均（ρ = 0.99），所以当梯度在谷底变小时 c 会衰减，方框又重新变大：它在“呼吸”，于是 RMSprop 继续朝 (1, 1) 前进。</translation>
    </message>
    <message>
        <source>The box at each head is the step each coordinate may take, η/(√c + ε). AdaGrad&apos;s box (orange) only ever shrinks and it stalls on the valley wall; RMSprop&apos;s box (white) shrinks on the steep wall, then grows back on the flat floor, and RMSprop goes on towards (1, 1).</source>
        <translation>每个当前点上的方框是每个坐标这一步最多能走的距离 η/(√c + ε)。AdaGrad 的方框（橙色）只会缩小，它停滞在谷壁上；RMSprop 的方框（白色）在陡峭的谷壁上缩小，到了平坦的谷底又重新变大，RMSprop 继续向 (1, 1) 前进。</translation>
    </message>
    <message>
        <source>Raise AdaGrad&apos;s η to 2: its box starts larger but still shrinks for good. Lower RMSprop&apos;s ρ to 0.9: its box breathes faster, and its path gets more jittery.</source>
        <translation>把 AdaGrad 的 η 提高到 2：它的方框一开始更大，但仍会永久缩小。把 RMSprop 的 ρ 降到 0.9：它的方框“呼吸”得更快，路径也更抖。</translation>
    </message>
    <message>
        <source>AdaGrad&apos;s c is the sum of every squared gradient so far, so it can only grow. RMSprop&apos;s c is a leaky average that forgets old gradients at the rate 1 − ρ, so when the gradients get small again c shrinks and the allowed step grows back.</source>
        <translation>AdaGrad 的 c 是至今所有梯度平方之和，所以只会增大。RMSprop 的 c 是一个以 1 − ρ 的速率遗忘旧梯度的滑动平均，所以当梯度再次变小时 c 会缩小，允许的步长又会变大。</translation>
    </message>
    <message>
        <source>Ravine: a learning rate too large diverges</source>
        <translation>峡谷：学习率过大就会发散</translation>
    </message>
    <message>
        <source>In f = ½(x² + 50y²) plain SGD is stable only for η &lt; 2/50 = 0.04: at η = 0.038 it zig-zags and still settles, at η = 0.042 every zig-zag is larger than the last and the run stops, diverged, within fifty steps.</source>
        <translation>在 f = ½(x² + 50y²) 上，普通 SGD 只在 η &lt; 2/50 = 0.04 时稳定：η = 0.038 时它来回震荡但仍能停稳；η = 0.042 时每次震荡都比上一次大，不到五十步就发散并停止。</translation>
    </message>
    <message>
        <source>Two SGD runs, η = 0.038 (white) and η = 0.042 (orange). Both zig-zag across the valley. The smaller one&apos;s zig-zags shrink and it settles; the larger one&apos;s grow every step until the run is stopped with a ✕ and the legend says why.</source>
        <translation>两条 SGD 运行，η = 0.038（白色）和 η = 0.042（橙色）。两者都在峡谷两壁之间来回震荡。较小的那条震荡逐渐减小并停稳；较大的那条每一步震荡都更大，直到运行被停止，标上 ✕，图例说明原因。</translation>
    </message>
    <message>
        <source>Drag the larger η down below 0.04 and watch it settle; drag the smaller one up past 0.04 and watch it blow up. Add an Adam run at η = 0.042: it does not diverge.</source>
        <translation>把较大的 η 拖到 0.04 以下，看它停稳；把较小的 η 拖过 0.04，看它爆炸。再添加一条 η = 0.042 的 Adam 运行：它不会发散。</translation>
    </message>
    <message>
        <source>Across the valley the curvature is λ = 50, so each SGD step multiplies the distance to the valley floor by (1 − ηλ). While η &lt; 2/λ = 0.04 that factor is between −1 and 1 and the zig-zag shrinks; past it the factor is below −1 and every step overshoots by more than the last. Adam is not bound by 2/λ: it scales its steps by the gradient&apos;s size.</source>
        <translation>横跨峡谷方向的曲率是 λ = 50，所以每一步 SGD 都把到谷底的距离乘以 (1 − ηλ)。当 η &lt; 2/λ = 0.04 时这个因子介于 −1 和 1 之间，震荡逐渐减小；超过它，因子小于 −1，每一步都比上一步冲得更远。Adam 不受 2/λ 的限制：它按梯度的大小缩放步长。</translation>
    </message>
    <message>
        <source>Ravine: momentum warm-up from 0.5 to 0.99</source>
        <translation>峡谷：动量从 0.5 预热到 0.99</translation>
    </message>
    <message>
        <source>μ = 0.99 from the first step sends the ball on long swings; μ = 0.5 is calm but slow at the end; warming μ up from 0.5 to 0.99 over 200 steps gets the calm start and the fast finish, and arrives first.</source>
        <translation>从第一步就用 μ = 0.99，小球会长时间大幅摆动；μ = 0.5 很平稳，但后段很慢；在 200 步内把 μ 从 0.5 预热到 0.99，既有平稳的开头又有快速的收尾，最先到达。</translation>
    </message>
    <message>
        <source>Three heavy balls with the same η. μ = 0.99 (orange) swings along the valley for hundreds of steps. μ = 0.5 (red) is calm but crawls once the slope flattens. The warm-up (white) starts like μ = 0.5 and ends like μ = 0.99: it arrives first.</source>
        <translation>三个学习率 η 相同的重球。μ = 0.99（橙色）沿峡谷来回摆动数百步。μ = 0.5（红色）很平稳，但坡度一变平就走得很慢。预热（白色）开始时像 μ = 0.5，结束时像 μ = 0.99：它最先到达。</translation>
    </message>
    <message>
        <source>Lengthen the warm-up to 400 steps in the optimizer panel, or shorten it to 20: too short and it swings like μ = 0.99, too long and it is slow like μ = 0.5.</source>
        <translation>在优化器面板里把预热延长到 400 步，或缩短到 20 步：太短就像 μ = 0.99 一样摆动，太长就像 μ = 0.5 一样缓慢。</translation>
    </message>
    <message>
        <source>Early on the gradient is large and a high μ stores it up into a big velocity that overshoots. Later the slope is gentle, and a high μ is what keeps the ball moving. Raising μ as the race goes gives each phase the momentum it needs.</source>
        <translation>一开始梯度很大，较大的 μ 会把它积累成过大的速度而冲过头。后来坡度平缓，正是较大的 μ 让球继续前进。随着竞赛进行逐渐增大 μ，让每个阶段都得到它需要的动量。</translation>
    </message>
    <message>
        <source>Momentum μ=0.99</source>
        <translation>动量法 μ=0.99</translation>
    </message>
    <message>
        <source>Momentum μ 0.5→0.99</source>
        <translation>动量法 μ 0.5→0.99</translation>
    </message>
    <message>
        <source>Momentum μ=0.5</source>
        <translation>动量法 μ=0.5</translation>
    </message>
    <message>
        <source>Ravine: Nesterov&apos;s look-ahead against plain momentum</source>
        <translation>峡谷：Nesterov 的前瞻与普通动量法</translation>
    </message>
    <message>
        <source>At μ = 0.95 momentum keeps zig-zagging across the ravine for over a hundred steps; Nesterov, which takes its gradient where the velocity is about to carry it, stops the zig-zag within twenty steps and arrives many times sooner.</source>
        <translation>μ = 0.95 时，动量法在峡谷两壁间来回震荡一百多步；Nesterov 在速度即将带它到达的位置求梯度，二十步内就止住震荡，到达得快很多倍。</translation>
    </message>
    <message>
        <source>Both runs use the same η = 0.01 and μ = 0.95 in the ravine f = ½(x² + 50y²). Momentum (orange) keeps zig-zagging from wall to wall for well over a hundred steps; Nesterov (white) stops the zig-zag within about twenty steps, glides along the floor and arrives in a small fraction of the steps.</source>
        <translation>两条运行在峡谷 f = ½(x² + 50y²) 中使用相同的 η = 0.01 和 μ = 0.95。动量法（橙色）在两壁之间来回震荡了一百多步；Nesterov（白色）在大约二十步内就停止震荡，沿谷底滑行，只用很少的步数就到达。</translation>
    </message>
    <message>
        <source>Lower μ to 0.8 for both: the difference shrinks. Raise it to 0.99: momentum swings for hundreds of steps, Nesterov still settles.</source>
        <translation>把两者的 μ 都降到 0.8：差距缩小。把它提高到 0.99：动量法摆动数百步，Nesterov 仍能停稳。</translation>
    </message>
    <message>
        <source>Momentum takes the gradient where it is, then adds the velocity: by the time the far wall&apos;s slope says stop, the ball has already overshot it. Nesterov first looks ahead to where the velocity will carry it and takes the gradient there, so it feels the wall one step earlier. Across the valley, where the curvature is 50 times larger, that early correction damps the swing almost at once.</source>
        <translation>动量法在当前位置取梯度，再加上速度：等到对面谷壁的坡度说“停”时，球已经冲过头了。Nesterov 先向前看速度将把它带到哪里，在那里取梯度，所以它早一步感觉到谷壁。横跨峡谷方向的曲率大 50 倍，这种提前的修正几乎立刻就抑制了摆动。</translation>
    </message>
    <message>
        <source>Momentum μ=0.95</source>
        <translation>动量法 μ=0.95</translation>
    </message>
    <message>
        <source>Ravine: AdaDelta needs no learning rate</source>
        <translation>峡谷：AdaDelta 不需要学习率</translation>
    </message>
    <message>
        <source>AdaDelta divides the root of its recent squared steps by the root of its recent squared gradients, so its steps come out in the units of x and η = 1 needs no tuning. SGD at η = 0.03 is fine in this valley (κ = 50) but blows up once κ passes 2/η ≈ 67: raise the condition number and watch SGD diverge while AdaDelta, still at η = 1, keeps going down.</source>
        <translation>AdaDelta 用近期步长平方均值的平方根除以近期梯度平方均值的平方根，所以它的步长与 x 的单位一致，η = 1 无需调节。η = 0.03 的 SGD 在这个山谷（κ = 50）里没有问题，但一旦 κ 超过 2/η ≈ 67 就会发散：调大条件数，可以看到 SGD 发散，而仍然取 η = 1 的 AdaDelta 继续下降。</translation>
    </message>
    <message>
        <source>AdaDelta (orange) goes down the valley with η = 1, its default, and SGD (white) with a hand-tuned η = 0.03. Both settle in this valley with κ = 50.</source>
        <translation>AdaDelta（橙色）用它的默认值 η = 1 沿峡谷下降，SGD（白色）用手动调好的 η = 0.03。在这个 κ = 50 的峡谷里两者都能停稳。</translation>
    </message>
    <message>
        <source>Raise the ravine&apos;s condition number in the Surface panel past 67: SGD blows up at the same η, while AdaDelta, still at η = 1, keeps going down. Then try κ = 1000.</source>
        <translation>在曲面面板里把峡谷的条件数提高到 67 以上：同样的 η 下 SGD 会爆炸，而 AdaDelta 仍然用 η = 1 继续下降。然后试试 κ = 1000。</translation>
    </message>
    <message>
        <source>AdaDelta&apos;s step is √(average of past squared steps) divided by √(average of past squared gradients) times the gradient: the units of the gradient cancel and the step comes out in the units of x. SGD&apos;s step is η times the gradient, so a steeper valley needs a smaller η: η &lt; 2/κ.</source>
        <translation>AdaDelta 的步长是 √(过去步长平方的平均) 除以 √(过去梯度平方的平均) 再乘以梯度：梯度的单位相互抵消，步长的单位就是 x 的单位。SGD 的步长是 η 乘以梯度，所以越陡的峡谷需要越小的 η：η &lt; 2/κ。</translation>
    </message>
    <message>
        <source>Ravine: SGD just below and just above its critical η</source>
        <translation>峡谷：SGD 刚好低于和刚好高于它的临界 η</translation>
    </message>
    <message>
        <source>f = ½(x² + 100y²): the Hessian&apos;s largest eigenvalue is λmax = 100, so on this quadratic SGD converges only for η &lt; 2/λmax = 0.02 (the red tick on the η slider). At 0.98× that (η = 0.0196) each step flips y across the valley and shrinks it by |1 − ηλmax| = 0.96; at 1.02× (η = 0.0204) the flip grows it by 1.04, and the run bounces out of the valley. Watch the arrows: the step Δx and −ηg overshoot the floor by a little less, or a little more, than they should.</source>
        <translation>f = ½(x² + 100y²)：Hessian 的最大特征值是 λmax = 100，所以在这个二次函数上 SGD 只有在 η &lt; 2/λmax = 0.02 时才收敛（η 滑块上的红色刻度）。取它的 0.98 倍（η = 0.0196）时，每一步都把 y 翻到山谷另一侧，并按 |1 − ηλmax| = 0.96 缩小；取 1.02 倍（η = 0.0204）时，每次翻转都按 1.04 放大，这个运行就被弹出山谷。注意看箭头：一步 Δx 和 −ηg 越过谷底的距离比应有的稍短或稍长。</translation>
    </message>
    <message>
        <source>Two SGD runs, 2 % below and 2 % above the critical η = 2/λmax = 0.02. Both flip across the valley every step; the one below shrinks each flip by 4 % and settles, the one above grows each flip by 4 % and bounces out.</source>
        <translation>两条 SGD 运行，分别比临界学习率 η = 2/λmax = 0.02 低 2 % 和高 2 %。两者每一步都翻到峡谷的另一侧；低于临界值的那条每次翻转缩小 4 % 并停稳，高于临界值的那条每次翻转增大 4 % 并弹出去。</translation>
    </message>
    <message>
        <source>Drag the lower η towards the red tick on its slider: the zig-zag lasts longer and longer. Drag it past the tick and watch it turn round and grow.</source>
        <translation>把较低的 η 拖向它滑块上的红色刻度：震荡持续得越来越久。拖过刻度，看它掉头并不断增大。</translation>
    </message>
    <message>
        <source>Across the valley each SGD step multiplies the distance to the floor by 1 − ηλmax. Below the critical η that number lies between −1 and 0: a flip that shrinks. Above it, it is below −1: a flip that grows every step.</source>
        <translation>横跨峡谷方向，每一步 SGD 都把到谷底的距离乘以 1 − ηλmax。低于临界 η 时，这个数介于 −1 和 0 之间：翻转逐渐缩小。高于临界 η 时，它小于 −1：每一步翻转都在增大。</translation>
    </message>
    <message>
        <source>SGD 0.98× critical</source>
        <translation>SGD 临界值 0.98×</translation>
    </message>
    <message>
        <source>SGD 1.02× critical</source>
        <translation>SGD 临界值 1.02×</translation>
    </message>
    <message>
        <source>Ravine: momentum stays stable where SGD blows up</source>
        <translation>峡谷：SGD 爆掉的地方，动量依然稳定</translation>
    </message>
    <message>
        <source>On f = ½(x² + 100y²) SGD diverges for η &gt; 2/λmax = 0.02. Heavy-ball momentum converges up to η &lt; 2(1 + μ)/λmax: 0.038 with μ = 0.9, nearly twice as far (the ticks on the η sliders). At η = 0.03 SGD&apos;s step overshoots the floor by more each time, while momentum&apos;s velocity v (dotted) soaks up the overshoot and carries the run down the valley.</source>
        <translation>在 f = ½(x² + 100y²) 上，η &gt; 2/λmax = 0.02 时 SGD 发散。重球动量一直收敛到 η &lt; 2(1 + μ)/λmax：μ = 0.9 时是 0.038，几乎远了一倍（见 η 滑块上的刻度）。在 η = 0.03 时，SGD 的每一步越过谷底越来越多，而动量的速度 v（点线）吸收了这种越过，带着运行沿山谷而下。</translation>
    </message>
    <message>
        <source>At η = 0.03, half again past SGD&apos;s limit of 0.02, SGD (orange) overshoots the floor by more each step and blows up, while momentum (white) at the same η settles and carries on down the valley.</source>
        <translation>在 η = 0.03，比 SGD 的极限 0.02 还大一半时，SGD（橙色）每一步都越过谷底更多并爆炸，而同样 η 的动量法（白色）能停稳并继续沿峡谷下降。</translation>
    </message>
    <message>
        <source>Raise momentum&apos;s η towards 0.038, the tick on its slider: it still settles, more and more slowly. Lower μ to 0.5 and its limit drops to 0.03: it starts to struggle at this η.</source>
        <translation>把动量法的 η 提高到它滑块上的刻度 0.038 附近：它仍能停稳，只是越来越慢。把 μ 降到 0.5，它的极限降到 0.03：在这个 η 下它开始吃力。</translation>
    </message>
    <message>
        <source>Heavy-ball momentum is stable up to η &lt; 2(1 + μ)/λmax, nearly twice SGD&apos;s 2/λmax when μ = 0.9: the velocity from the last step points back across the valley and cancels part of each overshoot.</source>
        <translation>重球动量法在 η &lt; 2(1 + μ)/λmax 时都稳定，μ = 0.9 时几乎是 SGD 的 2/λmax 的两倍：上一步的速度指回峡谷对面，抵消了每次冲过头的一部分。</translation>
    </message>
    <message>
        <source>Momentum μ=0.9, η=0.03</source>
        <translation>动量法 μ=0.9, η=0.03</translation>
    </message>
    <message>
        <source>Ravine: SGD zig-zags, momentum glides</source>
        <translation>峡谷：SGD 来回震荡，动量法平滑滑行</translation>
    </message>
    <message>
        <source>A long narrow valley f = ½(x² + 100y²), condition number κ = 100. Near the largest stable learning rate SGD bounces from wall to wall and crawls along the flat floor. At the same learning rate, momentum (μ = 0.6) damps the zig-zag within a few swings and reaches the minimum in well under half the steps. Raise SGD&apos;s learning rate past 2/κ = 0.02 and it blows up.</source>
        <translation>狭长山谷 f = ½(x² + 100y²)，条件数 κ = 100。在接近最大稳定学习率时，SGD 在两壁之间来回弹跳，沿平坦的谷底缓慢爬行。相同学习率下，动量法（μ = 0.6）几次摆动就抑制住震荡，用不到一半的步数到达最小值。把 SGD 的学习率调过 2/κ = 0.02，它就会发散。</translation>
    </message>
    <message>
        <source>Watch SGD (orange) bounce from wall to wall of the valley while it crawls along the flat floor, and momentum (white) settle into the floor after a few swings and glide to the minimum in well under half the steps.</source>
        <translation>看 SGD（橙色）在峡谷两壁之间来回弹跳，同时沿平坦的谷底缓慢爬行；动量法（白色）摆动几次后就落到谷底，用不到一半的步数滑到极小值。</translation>
    </message>
    <message>
        <source>Raise SGD&apos;s η past 2/κ = 0.02 and watch the bouncing grow every step until it blows up. Then lower momentum&apos;s μ to 0.3, or raise it to 0.95: too little and it zig-zags like SGD, too much and it overshoots along the valley.</source>
        <translation>把 SGD 的 η 提高到 2/κ = 0.02 以上，看弹跳每一步都在增大，直到爆炸。再把动量法的 μ 降到 0.3 或提高到 0.95：太小就像 SGD 一样来回震荡，太大就沿峡谷冲过头。</translation>
    </message>
    <message>
        <source>Across the valley the curvature is κ = 100 times larger than along it. One η has to serve both: large enough to make progress along the floor means nearly too large across it, so SGD overshoots the walls. Momentum adds up successive steps: the zig-zags point opposite ways and cancel, the steps along the floor point the same way and add up.</source>
        <translation>横跨峡谷方向的曲率是沿峡谷方向的 κ = 100 倍。同一个 η 要同时照顾两个方向：大到能沿谷底前进，就几乎大到横跨方向不稳定，所以 SGD 会冲过谷壁。动量法把相继的步子累加起来：来回震荡的分量方向相反而相互抵消，沿谷底的分量方向相同而不断累积。</translation>
    </message>
    <message>
        <source>Momentum μ=0.6</source>
        <translation>动量法 μ=0.6</translation>
    </message>
    <message>
        <source>Adam&apos;s m̂ lags the gradient at a turn of Rosenbrock</source>
        <translation>在 Rosenbrock 的转弯处，Adam 的 m̂ 落后于梯度</translation>
    </message>
    <message>
        <source>Adam moves along m̂, an average of recent gradients (β₁ = 0.9). On the straight run from (−0.5, −0.5) up to the valley floor m̂ and the gradient agree, so the dotted −ηm̂ lies on the dashed −ηg. Where the valley turns, around step 35, the gradient swings round at once but m̂ still remembers the old direction: for a few steps the arrows point more than 90° apart and Adam overshoots the floor before it turns along it. Beside it, Adam with β₁ = 0.5 remembers only the last few gradients: its m̂ follows the gradient round the turn (never more than a few degrees apart).</source>
        <translation>Adam 沿着 m̂ 移动，m̂ 是最近梯度的平均（β₁ = 0.9）。从 (−0.5, −0.5) 直奔谷底的那一段，m̂ 和梯度方向一致，所以点线 −ηm̂ 与虚线 −ηg 重合。在第 35 步左右山谷转弯，梯度立刻转向，而 m̂ 仍记着原来的方向：有几步两支箭头的夹角超过 90°，Adam 先冲过谷底才沿着它转弯。旁边 β₁ = 0.5 的 Adam 只记得最近几个梯度：它的 m̂ 跟着梯度一起转弯（夹角始终只有几度）。</translation>
    </message>
    <message>
        <source>Watch the arrows at Adam&apos;s head around step 35, where the valley turns: the dotted −ηm̂ still points the old way while the dashed −ηg has swung round, and Adam overshoots the floor before it turns. Adam with β₁ = 0.5 turns with the valley.</source>
        <translation>看 Adam 当前点上的箭头，在峡谷拐弯的第 35 步附近：点线 −ηm̂ 仍指向原来的方向，而虚线 −ηg 已经转过来了，Adam 先冲过谷底才转弯。β₁ = 0.5 的 Adam 随峡谷一起转弯。</translation>
    </message>
    <message>
        <source>Set β₁ to 0.99: the lag lasts much longer and the overshoot is wider. Set it to 0: Adam follows the gradient exactly and behaves like RMSprop.</source>
        <translation>把 β₁ 设为 0.99：滞后持续得更久，冲过头也更远。把它设为 0：Adam 完全跟随梯度，表现得像 RMSprop。</translation>
    </message>
    <message>
        <source>m̂ is an average of recent gradients, about the last 1/(1 − β₁) of them: 10 at β₁ = 0.9, 2 at 0.5. When the gradient turns suddenly, the average turns only as old gradients drop out of it.</source>
        <translation>m̂ 是最近梯度的平均，大约是最近 1/(1 − β₁) 个梯度：β₁ = 0.9 时是 10 个，0.5 时是 2 个。梯度突然转向时，只有旧梯度逐渐退出平均，平均值才会跟着转向。</translation>
    </message>
    <message>
        <source>Rosenbrock: Adam vs RMSprop at the same learning rate</source>
        <translation>Rosenbrock 函数：相同学习率下的 Adam 与 RMSprop</translation>
    </message>
    <message>
        <source>Both scale each coordinate by a running RMS of its gradients, so both take steps of about η. RMSprop rattles from wall to wall of the curved valley and stalls short of the minimum at (1, 1); Adam&apos;s momentum (β₁ = 0.9) averages the rattle away and follows the valley floor to the minimum.</source>
        <translation>两者都用梯度的滑动均方根缩放每个坐标，所以步长都约为 η。RMSprop 在弯曲山谷的两壁间来回碰撞，停在最小值 (1, 1) 之前；Adam 的动量（β₁ = 0.9）把碰撞平均掉，沿谷底一直走到最小值。</translation>
    </message>
    <message>
        <source>Both runs take steps of about η. Follow RMSprop (orange) down the curved valley: it rattles from wall to wall and stalls short of the minimum at (1, 1). Adam (white) follows the valley floor all the way.</source>
        <translation>两条运行的步长都约为 η。跟着 RMSprop（橙色）沿弯曲的峡谷向下：它在两壁之间来回抖动，停在 (1, 1) 处的极小值之前。Adam（白色）一路沿着谷底前进。</translation>
    </message>
    <message>
        <source>Lower both learning rates to 0.01: RMSprop rattles less and gets further, but slowly. Then set Adam&apos;s β₁ to 0 (no momentum): it behaves almost exactly like RMSprop.</source>
        <translation>把两者的学习率都降到 0.01：RMSprop 抖得更少、走得更远，但很慢。再把 Adam 的 β₁ 设为 0（没有动量）：它的表现几乎和 RMSprop 一模一样。</translation>
    </message>
    <message>
        <source>Both divide each coordinate&apos;s gradient by a running RMS of its recent values, so the step length is about η whatever the slope. In a curved, narrow valley a step of fixed length keeps hitting the walls. Adam also averages the gradients themselves (β₁ = 0.9): the wall-to-wall components cancel in the average and what remains points along the floor.</source>
        <translation>两者都把每个坐标的梯度除以它最近值的滑动均方根，所以不论坡度如何，步长都约为 η。在又弯又窄的峡谷里，固定长度的步子总会撞上谷壁。Adam 还对梯度本身做平均（β₁ = 0.9）：两壁之间来回的分量在平均中相互抵消，剩下的指向沿谷底的方向。</translation>
    </message>
    <message>
        <source>Rosenbrock: L-BFGS crosses in a few dozen steps, Adam needs hundreds</source>
        <translation>Rosenbrock：L-BFGS 几十步就穿过山谷，Adam 需要几百步</translation>
    </message>
    <message>
        <source>L-BFGS builds a picture of the curvature from its last m = 10 steps and gradient changes (the two-loop recursion) and lets a line search pick each step: it follows the bent valley to (1, 1) in about 35 steps, with a full batch. Adam, tuned here (η = 0.02, β₂ = 0.99), needs over 800 steps to get as close. Switch the surface to a mini-batch slice to see L-BFGS lose its edge on noisy gradients.</source>
        <translation>L-BFGS 用最近 m = 10 步的位移和梯度变化（双循环递推）刻画曲率，再由线搜索确定每一步：在全批量下，它沿弯曲的山谷大约 35 步就到达 (1, 1)。这里调好参数的 Adam（η = 0.02，β₂ = 0.99）需要 800 多步才能同样接近。把曲面换成小批量切片，可以看到 L-BFGS 在带噪声的梯度上失去优势。</translation>
    </message>
    <message>
        <source>L-BFGS (orange) follows the bent valley to (1, 1) in about 35 steps; Adam (white), even tuned, needs hundreds of steps to get as close.</source>
        <translation>L-BFGS（橙色）大约 35 步就沿弯曲的峡谷到达 (1, 1)；Adam（白色）即使调过参，也要数百步才能到达同样近的地方。</translation>
    </message>
    <message>
        <source>Switch the surface to a mini-batch classifier slice: with noisy gradients L-BFGS loses its edge. Lower L-BFGS&apos;s memory to 2 and count the steps it needs now.</source>
        <translation>把曲面换成小批量分类器切片：梯度有噪声时，L-BFGS 失去了优势。把 L-BFGS 的记忆降到 2，数一数它现在需要多少步。</translation>
    </message>
    <message>
        <source>L-BFGS estimates the curvature from its last m steps and gradient changes, so each step is close to a Newton step that already knows the valley bends, and a line search picks its length. Adam only rescales each coordinate; it learns the bend step by step.</source>
        <translation>L-BFGS 根据它最近 m 步的步长和梯度变化估计曲率，所以每一步都接近一步已经知道峡谷在拐弯的牛顿步，再由线搜索选定步长。Adam 只对每个坐标重新缩放；它要一步一步地才学会拐弯。</translation>
    </message>
    <message>
        <source>Saddle point: who escapes?</source>
        <translation>鞍点：谁能逃出来？</translation>
    </message>
    <message>
        <source>f = x² − y², started almost on the ridge (y = 0.001). The gradient along y is tiny there, so SGD slides to the saddle point and sits; momentum accumulates the small push and escapes, and Adam, which normalizes the gradient&apos;s size away, walks off at a steady pace.</source>
        <translation>f = x² − y²，几乎从山脊上出发（y = 0.001）。那里沿 y 的梯度极小，于是 SGD 滑到鞍点后停住；动量法积累这点微小的推力逃了出去，而 Adam 把梯度的大小归一化掉，以稳定的步伐走开。</translation>
    </message>
    <message>
        <source>All three start almost on the ridge of f = x² − y². SGD slides to the saddle point at (0, 0) and sits there; momentum builds speed from the tiny push along y and escapes; Adam walks off at a steady pace.</source>
        <translation>三条运行都从 f = x² − y² 的脊线附近出发。SGD 滑到 (0, 0) 处的鞍点并停在那里；动量法从沿 y 的微小推动中积累速度并逃离；Adam 以稳定的步伐走开。</translation>
    </message>
    <message>
        <source>Move the start to y = 0.1: SGD escapes too, only late. Set the start exactly on y = 0: nothing leaves the ridge, because the gradient has no y component at all.</source>
        <translation>把起点移到 y = 0.1：SGD 也能逃离，只是很晚。把起点正好放在 y = 0 上：谁都离不开脊线，因为梯度根本没有 y 分量。</translation>
    </message>
    <message>
        <source>Near the ridge the gradient along y is proportional to y, which is tiny, so SGD&apos;s steps along y are tiny too and grow only slowly. Momentum accumulates those small steps. Adam divides each coordinate by the size of its own gradient, so even a tiny gradient gives a step of about η.</source>
        <translation>在脊线附近，沿 y 的梯度与 y 成正比，而 y 很小，所以 SGD 沿 y 的步子也很小，增长得很慢。动量法把这些小步累积起来。Adam 把每个坐标除以它自己梯度的大小，所以即使梯度很小，步长也约为 η。</translation>
    </message>
    <message>
        <source>Momentum μ=0.9</source>
        <translation>动量法 μ=0.9</translation>
    </message>
    <message>
        <source>Softmax slice: a real basin around W*</source>
        <translation>softmax 切片：W* 周围真正的盆地</translation>
    </message>
    <message>
        <source>A wide random plane (a, b ∈ [−5, 5]) through the trained softmax classifier on the digits: the loss rises from 0.12 at W* to over 15 at the corners, a real basin; full-batch SGD and momentum roll down into it from a corner.</source>
        <translation>穿过 digits 上训练好的 softmax 分类器的一个宽随机平面（a, b ∈ [−5, 5]）：损失从 W* 处的 0.12 升到四角的 15 以上，是真正的盆地；全批量 SGD 和动量法从一角滚进盆底。</translation>
    </message>
    <message>
        <source>The loss L(W* + a·D₁ + b·D₂) of the real classifier on the digits: W* at the centre at L ≈ 0.12, rising steeply to over 15 at the corners. SGD (orange) and momentum (white) roll down from the corner into the basin.</source>
        <translation>数字数据集上真实分类器的损失 L(W* + a·D₁ + b·D₂)：W* 在中心，L ≈ 0.12，向四角急剧升高到 15 以上。SGD（橙色）和动量法（白色）从角落滚进这个吸引域。</translation>
    </message>
    <message>
        <source>Switch the loss to SVM in the Surface panel: the basin becomes a funnel of flat facets. Switch the centre to a small random W₀: the loss turns into an almost flat, tilted plane — try it, then read why below.</source>
        <translation>在曲面面板里把损失换成 SVM：吸引域变成由平坦小平面组成的漏斗。把中心换成很小的随机 W₀：损失变成几乎平坦的倾斜平面——试一试，然后读下面的原因。</translation>
    </message>
    <message>
        <source>At W* every direction leads uphill, so a plane through it is a bowl. A small random W₀ is near zero, where every class score is about the same and the loss is log(10) ≈ 2.30 almost everywhere; with filter-normalized directions the steps a and b are scaled to W₀&apos;s tiny columns, so the whole view moves W too little to change the scores.</source>
        <translation>在 W* 处每个方向都是上坡，所以过它的平面是一个碗。很小的随机 W₀ 接近零，那里每个类别的得分都差不多，损失几乎处处是 log(10) ≈ 2.30；用按滤波器归一化的方向时，步长 a 和 b 按 W₀ 很小的列缩放，所以整个视图中 W 的变化太小，不足以改变得分。</translation>
    </message>
    <message>
        <source>Softmax slice of digits: mini-batch SGD noise</source>
        <translation>digits 的 softmax 切片：小批量 SGD 的噪声</translation>
    </message>
    <message>
        <source>A random plane through the trained softmax classifier W* on the UCI digits (filter-normalized directions): a smooth bowl, W* at the centre. Each step uses the gradient of a random mini-batch of 16 images, so SGD jitters around the minimum of the full-batch loss drawn here; the larger learning rate jitters more. Open the other loss&apos;s preset to compare SVM and softmax, or set the batch size to 0 for full-batch gradients.</source>
        <translation>穿过在 UCI digits 上训练好的 softmax 分类器 W* 的随机平面（按滤波器归一化的方向）：一个光滑的碗，W* 在中心。每一步使用 16 张图像的随机小批量的梯度，所以 SGD 在这里画出的全批量损失的最小值附近抖动；学习率越大抖动越厉害。打开另一种损失的预设可比较 SVM 与 softmax，或把批量大小设为 0 使用全批量梯度。</translation>
    </message>
    <message>
        <source>This is a real loss: a random plane through the trained softmax classifier W* on the digits, W* at the centre. Both runs use the gradient of 16 random images per step, so they jitter around the minimum; the run with the larger η jitters more.</source>
        <translation>这是真实的损失：过数字数据集上训练好的 softmax 分类器 W* 的一个随机平面，W* 在中心。两条运行每一步都用 16 张随机图片的梯度，所以它们在极小值附近抖动；η 较大的那条抖得更厉害。</translation>
    </message>
    <message>
        <source>Set the batch size to 0 (full batch): the jitter disappears. Then try a batch of 128: less noise, same η. Open the SVM preset to compare the two losses.</source>
        <translation>把批量大小设为 0（全批量）：抖动消失。再试试 128 的批量：噪声更小，η 不变。打开 SVM 预设比较两种损失。</translation>
    </message>
    <message>
        <source>A mini-batch gradient is the full gradient plus noise whose size shrinks like 1/√(batch size). Each step moves by η times that noise, so near the minimum, where the true gradient is small, the noise is what is left: a larger η means larger jitter.</source>
        <translation>小批量梯度等于全批量梯度加上噪声，噪声的大小按 1/√(批量大小) 缩小。每一步移动 η 乘以这个噪声，所以在真实梯度很小的极小值附近，剩下的就是噪声：η 越大，抖动越大。</translation>
    </message>
    <message>
        <source>Softmax slice: step decay settles a rattling mini-batch SGD</source>
        <translation>softmax 切片：阶梯衰减让抖动的小批量 SGD 停稳</translation>
    </message>
    <message>
        <source>Mini-batch SGD at η = 1 rattles around the minimum for as long as it runs; the same run with η cut to 0.3× every 100 steps rattles less after every cut and settles at the minimum.</source>
        <translation>η = 1 的小批量 SGD 会一直在最小值附近抖动；同样的运行每 100 步把 η 乘以 0.3，每次降低后抖动都更小，最后停在最小值。</translation>
    </message>
    <message>
        <source>Both runs start at η = 1 on the softmax slice through W*, with a mini-batch of 16 images per step. The constant run (orange) rattles around the minimum for as long as it runs. The decayed run (white) rattles just as much for 100 steps, then calmer after each cut of η to 0.3×, and settles.</source>
        <translation>两条运行都在过 W* 的 softmax 切片上以 η = 1 开始，每一步用 16 张图片的小批量。恒定学习率的运行（橙色）一直在极小值附近抖动。衰减的运行（白色）前 100 步抖得一样厉害，之后每次把 η 降为 0.3× 都更平静，最终停稳。</translation>
    </message>
    <message>
        <source>Change the decayed run&apos;s schedule to cut every 30 steps: it settles sooner but may stop short of the minimum. Then set the batch size to 0 (full batch): the constant run settles too.</source>
        <translation>把衰减运行的调度改为每 30 步降一次：它停稳得更早，但可能停在极小值之前。再把批量大小设为 0（全批量）：恒定学习率的运行也能停稳。</translation>
    </message>
    <message>
        <source>Near the minimum the mini-batch gradient is mostly noise, and each step moves by η times that noise. A constant η keeps the jitter at the same size for ever; cutting η cuts the jitter, while the steps taken before the cuts have already done the long trip.</source>
        <translation>在极小值附近，小批量梯度大部分是噪声，每一步移动 η 乘以这个噪声。恒定的 η 让抖动永远保持同样大小；降低 η 就降低了抖动，而降低之前走过的步子已经完成了长途跋涉。</translation>
    </message>
    <message>
        <source>SGD η=1, ×0.3 every 100</source>
        <translation>SGD η=1，每 100 步 ×0.3</translation>
    </message>
    <message>
        <source>SVM slice of digits: mini-batch SGD noise</source>
        <translation>digits 的 SVM 切片：小批量 SGD 的噪声</translation>
    </message>
    <message>
        <source>A random plane through the trained svm classifier W* on the UCI digits (filter-normalized directions): a bowl of flat facets joined at the hinge kinks, W* at the centre. Each step uses the gradient of a random mini-batch of 16 images, so SGD jitters around the minimum of the full-batch loss drawn here; the larger learning rate jitters more. Open the other loss&apos;s preset to compare SVM and softmax, or set the batch size to 0 for full-batch gradients.</source>
        <translation>穿过在 UCI digits 上训练好的 SVM 分类器 W* 的随机平面（按滤波器归一化的方向）：由平面片在合页不可导点处拼接成的碗，W* 在中心。每一步使用 16 张图像的随机小批量的梯度，所以 SGD 在这里画出的全批量损失的最小值附近抖动；学习率越大抖动越厉害。打开另一种损失的预设可比较 SVM 与 softmax，或把批量大小设为 0 使用全批量梯度。</translation>
    </message>
    <message>
        <source>The multiclass SVM loss on the same kind of plane: a bowl of flat facets joined at kinks, W* at the centre. Mini-batch SGD jitters around the minimum, the larger η more.</source>
        <translation>同类平面上的多类 SVM 损失：一个由平坦小平面在不可导点处拼接成的碗，W* 在中心。小批量 SGD 在极小值附近抖动，η 越大抖得越厉害。</translation>
    </message>
    <message>
        <source>Raise the contour count in the Surface panel to see the facets&apos; straight edges. Set the batch size to 0 and compare how full-batch SGD behaves at the kinks.</source>
        <translation>在曲面面板里增加等高线数量，看小平面的直边。把批量大小设为 0，比较全批量 SGD 在不可导点处的表现。</translation>
    </message>
    <message>
        <source>Each hinge term max(0, s_j − s_y + 1) is a plane clipped at zero, so the loss is piecewise linear in a and b: its gradient jumps at every kink and never shrinks as it nears the minimum. That, plus the mini-batch noise, keeps SGD moving unless η is decayed.</source>
        <translation>每个合页项 max(0, s_j − s_y + 1) 都是一个在零处截断的平面，所以损失关于 a 和 b 是分段线性的：它的梯度在每个不可导点处跳变，接近极小值时也不会变小。再加上小批量的噪声，除非 η 衰减，SGD 会一直移动。</translation>
    </message>
    <message>
        <source>Two wells: momentum escapes the shallow one</source>
        <translation>双势阱：动量法逃出浅阱</translation>
    </message>
    <message>
        <source>f = (x² − 1)² + 0.5x + y²: a shallow well on the right, the deeper one on the left. Plain SGD rolls into the nearest well and stays there; heavy-ball momentum arrives with enough speed to cross the barrier into the deeper well. Lower μ to 0.5 and momentum gets trapped too.</source>
        <translation>f = (x² − 1)² + 0.5x + y²：右边是浅阱，左边是更深的阱。普通 SGD 滚进最近的阱并停在那里；重球动量带着足够的速度越过势垒进入更深的阱。把 μ 降到 0.5，动量法也会被困住。</translation>
    </message>
    <message>
        <source>Two wells: a shallow one on the right, a deeper one on the left. SGD rolls into the nearest, shallow well and stays. Momentum arrives at the bottom with speed, climbs over the barrier and ends in the deep well.</source>
        <translation>两个阱：右边一个浅的，左边一个更深的。SGD 滚进最近的浅阱并停在那里。动量法带着速度到达底部，越过势垒，最终落在深阱里。</translation>
    </message>
    <message>
        <source>Lower momentum&apos;s μ to 0.5: it gets trapped in the shallow well like SGD. Move the start further right: a longer run-up gives more speed.</source>
        <translation>把动量法的 μ 降到 0.5：它像 SGD 一样被困在浅阱里。把起点向右移：更长的助跑带来更大的速度。</translation>
    </message>
    <message>
        <source>Plain gradient descent only ever goes downhill, so it cannot leave the basin it starts in. A heavy ball keeps a fraction μ of its velocity every step; the speed it gains rolling down carries it uphill over a low barrier.</source>
        <translation>普通的梯度下降只会往下走，所以离不开它出发的吸引域。重球每一步保留速度的 μ 倍；它滚下来时获得的速度把它带上坡，越过低矮的势垒。</translation>
    </message>
    <message>
        <source>Kinks: a constant step chatters, a decaying one settles</source>
        <translation>折点：固定步长来回抖动，衰减的步长才能停稳</translation>
    </message>
    <message>
        <source>A typed surface with kinks, f = max(|x|, 2|y|) + ½|x + y|: its gradient is a subgradient that keeps its full size right up to the minimum at (0, 0). SGD with a constant η = 0.1 ends up bouncing across the kinks, a fixed distance away; with η decaying as 0.1/(1 + 0.05t) the bounces shrink and it settles. Adam&apos;s steps shrink too, as its moment estimates average the signs away.</source>
        <translation>一个带折点的自定义曲面 f = max(|x|, 2|y|) + ½|x + y|：它的梯度是次梯度，一直到 (0, 0) 处的极小值都保持原来的大小。固定学习率 η = 0.1 的 SGD 最后在折点两侧来回跳，始终离极小值有一段固定的距离；学习率按 0.1/(1 + 0.05t) 衰减时，跳动越来越小，最终停稳。Adam 的步长也会变小，因为它的矩估计把符号平均掉了。</translation>
    </message>
    <message>
        <source>SGD with a constant η = 0.1 ends bouncing across the kinks at a fixed distance from the minimum; with η decaying as 0.1/(1 + 0.05t) the bounces shrink and it settles. Adam&apos;s steps shrink too.</source>
        <translation>恒定 η = 0.1 的 SGD 最终在离极小值固定距离处来回跳过不可导点；η 按 0.1/(1 + 0.05t) 衰减时，跳动逐渐缩小并停稳。Adam 的步子也会缩小。</translation>
    </message>
    <message>
        <source>Raise the constant η to 0.2: the bouncing gets wider. Change the decay k to 0.5: it settles fast but stops short, because η became small too soon.</source>
        <translation>把恒定的 η 提高到 0.2：跳动变得更宽。把衰减的 k 改为 0.5：它很快停稳，但停在极小值之前，因为 η 太早变小了。</translation>
    </message>
    <message>
        <source>At a kink the (sub)gradient keeps its full size right up to the minimum, so a constant step never shrinks: it overshoots by about η each time. Only a shrinking η makes the steps shrink.</source>
        <translation>在不可导点处，（次）梯度一直到极小值都保持原来的大小，所以恒定的步长永远不会缩小：它每次大约冲过头 η。只有不断缩小的 η 才能让步子缩小。</translation>
    </message>
    <message>
        <source>Your own ravine: SGD&apos;s limit η &lt; 1/b</source>
        <translation>你自己的峡谷：SGD 的上限 η &lt; 1/b</translation>
    </message>
    <message>
        <source>A typed surface, f = a·x² + b·y², with its parameters a and b as sliders in the Surface panel. Its Hessian is diag(2a, 2b), so plain SGD is stable while η &lt; 2/λmax = 1/b: with η = 0.035 that is b &lt; 28.6. At b = 25 SGD zig-zags across the valley and still settles. Drag b past 28.6 and the zig-zag grows every step until SGD diverges; momentum with a smaller η keeps going. Surface ▸ Custom f(x, y)… changes the formula itself.</source>
        <translation>一个自定义曲面 f = a·x² + b·y²，参数 a 和 b 是曲面面板里的滑块。它的 Hessian 矩阵是 diag(2a, 2b)，所以普通 SGD 在 η &lt; 2/λmax = 1/b 时稳定：η = 0.035 时就是 b &lt; 28.6。b = 25 时 SGD 在峡谷两壁之间来回折返，但仍能收敛。把 b 拖过 28.6，折返一步比一步大，直到 SGD 发散；学习率更小的动量法照样前进。曲面 ▸ 自定义 f(x, y)… 可以改公式本身。</translation>
    </message>
    <message>
        <source>SGD zig-zags across the valley of f = a·x² + b·y² and still settles at b = 25.</source>
        <translation>SGD 在 f = a·x² + b·y² 的峡谷两壁之间来回震荡，在 b = 25 时仍能停稳。</translation>
    </message>
    <message>
        <source>Drag the b slider in the Surface panel past 28.6: the zig-zag grows every step until SGD diverges, while momentum with its smaller η keeps going.</source>
        <translation>在曲面面板里把 b 滑块拖过 28.6：震荡每一步都在增大，直到 SGD 发散，而 η 较小的动量法继续前进。</translation>
    </message>
    <message>
        <source>The Hessian is diag(2a, 2b), so each SGD step multiplies the y error by (1 − 2ηb). That is smaller than 1 in size only while η &lt; 1/b; past it every step overshoots more than the last.</source>
        <translation>Hessian 矩阵是 diag(2a, 2b)，所以每一步 SGD 都把 y 方向的误差乘以 (1 − 2ηb)。只有当 η &lt; 1/b 时它的绝对值才小于 1；超过它，每一步都比上一步冲得更远。</translation>
    </message>
    <message>
        <source>Momentum η=0.005 μ=0.9</source>
        <translation>动量法 η=0.005 μ=0.9</translation>
    </message>
</context>
</TS>
