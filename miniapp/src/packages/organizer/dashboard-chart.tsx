import { useCallback, useEffect, useRef, useState } from 'react'
import { Canvas, View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
// uCharts (canvas 2d, made for mini programs and H5 alike). Imported from this sub-package only,
// so its ~140 KB stay out of the main package.
import UCharts, { type UChartsOptions } from '@qiun/ucharts'
import { chartIndex, niceAxisStep } from './dashboard-model'

export interface ChartSeries {
  name: string
  /** null: no value (a month still to come), the line stops there. */
  data: Array<number | null>
  color: string
  /** Which y axis (0 left, 1 right) when the chart has two. */
  axis?: 0 | 1
}

export interface ChartSpec {
  type: 'column' | 'line'
  categories: string[]
  series: ChartSeries[]
  /** Names of the y axes; two names draw a second axis on the right (people beside lectures). */
  axes: string[]
  /** Write every n-th category label only (1, 3, 5 … of twelve months), evenly spaced. */
  labelEvery?: number
}

interface Props {
  /** Unique on the page: the weapp finds its canvas node by id. */
  id: string
  spec: ChartSpec
  /** Bigger labels in large-text mode. */
  largeText: boolean
  /** A bar or point was tapped (when the library can tell which). */
  onPick?: (index: number) => void
  className?: string
}

interface Surface {
  /** The canvas node (weapp: a Canvas 2d node; H5: an HTMLCanvasElement). */
  node: { width: number; height: number; getContext(kind: '2d'): unknown }
  width: number
  height: number
}

function devicePixelRatio(): number {
  try {
    if (process.env.TARO_ENV === 'h5') return window.devicePixelRatio || 1
    const info = typeof Taro.getWindowInfo === 'function' ? Taro.getWindowInfo() : Taro.getSystemInfoSync()
    return info.pixelRatio || 1
  } catch {
    return 1
  }
}

type PageScope = Parameters<ReturnType<typeof Taro.createSelectorQuery>['in']>[0]

/**
 * The weapp's canvas 2d node and its laid-out size; null when it is not there (yet, or at all).
 * Scoped to the chart's own page: the query otherwise searches the page in front, which is another
 * one when the organizer has moved on while the chart was still looking for its canvas.
 */
function queryWeappCanvas(id: string, page: PageScope | null): Promise<Surface | null> {
  return new Promise((resolve) => {
    try {
      const query = Taro.createSelectorQuery()
      ;(page ? query.in(page) : query)
        .select(`#${id}`)
        .fields({ node: true, size: true }, () => undefined)
        .exec((results: Array<{ node?: Surface['node']; width?: number; height?: number } | null> | undefined) => {
          const found = results?.[0]
          resolve(found?.node && found.width && found.height ? { node: found.node, width: found.width, height: found.height } : null)
        })
    } catch {
      resolve(null)
    }
  })
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

/** Grid lines on the y axes. */
const Y_STEPS = 4

/** The top of an axis: Y_STEPS round steps (1, 2, 5 × 10^n) reaching the largest value. */
function axisTop(values: Array<number | null>): number {
  const max = Math.max(0, ...values.map((value) => value ?? 0))
  const step = niceAxisStep(max, Y_STEPS)
  return step * Math.max(1, Math.ceil(max / step))
}

function chartOptions(spec: ChartSpec, surface: Surface, context: unknown, pixelRatio: number, largeText: boolean): UChartsOptions {
  // The theme's body text is about 16px (20px in large-text mode): the chart's words are no smaller.
  const fontSize = largeText ? 20 : 16
  const twoAxes = spec.axes.length > 1
  const axisValues = spec.axes.map((_, axis) => spec.series.filter((item) => (item.axis ?? 0) === axis).flatMap((item) => item.data))
  return {
    type: spec.type,
    context,
    canvas2d: true,
    width: surface.width * pixelRatio,
    height: surface.height * pixelRatio,
    pixelRatio,
    animation: false,
    background: '#FFFFFF',
    fontSize,
    fontColor: '#1a1a1a',
    padding: [20, 16, 8, 8],
    color: spec.series.map((item) => item.color),
    categories: spec.categories,
    series: spec.series.map((item) => ({ name: item.name, data: item.data, color: item.color, index: item.axis ?? 0 })),
    // The numbers are written out in the rows under each chart: no labels crowding the bars.
    dataLabel: false,
    xAxis: {
      fontColor: '#333333',
      fontSize,
      disableGrid: true,
      rotateLabel: spec.type === 'column' && spec.categories.length > 6,
      rotateAngle: 40,
      // Twelve months do not fit side by side on a phone: every n-th one, evenly (1月 3月 5月 …).
      ...(spec.labelEvery && spec.labelEvery > 1 ? { formatter: (label: string, index: number) => (index % spec.labelEvery! === 0 ? label : '') } : {}),
    },
    yAxis: {
      gridType: 'dash',
      dashLength: 4,
      splitNumber: Y_STEPS,
      data: spec.axes.map((title, index) => ({
        min: 0,
        max: axisTop(axisValues[index] ?? []),
        // Fixed round steps: with `max` a whole number of steps, every tick is one of them.
        title,
        fontColor: '#333333',
        titleFontColor: '#333333',
        fontSize,
        titleFontSize: fontSize,
        position: twoAxes && index === 1 ? 'right' : 'left',
        // Counts: whole numbers on the axis.
        formatter: (value: number) => String(Math.round(value)),
      })),
      showTitle: true,
    },
    legend: { show: true, fontSize, lineHeight: fontSize + 6, fontColor: '#1a1a1a' },
    extra: {
      column: { type: 'group', width: 18, activeBgOpacity: 0.08 },
      line: { type: 'straight', width: 3 },
      tooltip: { showBox: false },
    },
  }
}

/**
 * A uCharts chart on a canvas 2d: weapp finds the node with a selector query; H5 draws on a plain
 * <canvas> (Taro's H5 Canvas component resets its inner canvas's size whenever it re-renders,
 * which would wipe a chart drawn at the device's pixel ratio). Drawn at the device pixel ratio so
 * lines and labels stay sharp. Where no canvas can be had (a simulator), it quietly draws nothing:
 * the rows under the chart carry the same numbers.
 */
export default function DashboardChart({ id, spec, largeText, onPick, className }: Props) {
  const h5Canvas = useRef<HTMLCanvasElement | null>(null)
  const chart = useRef<UCharts | null>(null)
  const pick = useRef(onPick)
  pick.current = onPick
  const touchStart = useRef<{ x: number; y: number } | null>(null)
  // The page this chart lives on, taken when it mounts (later the page in front may be another).
  const page = useRef<PageScope | null>((Taro.getCurrentInstance()?.page as PageScope | undefined) ?? null)
  // Bumped to draw again: the window resized or rotated (taps would map to the old layout), or the
  // page came back without a chart drawn.
  const [layout, setLayout] = useState(0)
  // What the chart came to, for people and tests: drawing / drawn / blank (no canvas to be had).
  const [outcome, setOutcome] = useState<'drawing' | 'drawn' | 'blank'>('drawing')

  useEffect(() => {
    const redraw = () => setLayout((n) => n + 1)
    if (process.env.TARO_ENV === 'h5') {
      window.addEventListener('resize', redraw)
      return () => window.removeEventListener('resize', redraw)
    }
    if (typeof Taro.onWindowResize !== 'function') return undefined
    Taro.onWindowResize(redraw)
    return () => Taro.offWindowResize?.(redraw)
  }, [])

  useDidShow(() => {
    if (!chart.current) setLayout((n) => n + 1)
  })

  useEffect(() => {
    let cancelled = false
    async function surface(): Promise<Surface | null> {
      if (process.env.TARO_ENV === 'h5') {
        const canvas = h5Canvas.current
        if (!canvas) return null
        const { width, height } = canvas.getBoundingClientRect()
        return width && height ? { node: canvas, width, height } : null
      }
      // The node appears once the page's data has been applied: ask a few times.
      for (let attempt = 0; attempt < 6 && !cancelled; attempt++) {
        const found = await queryWeappCanvas(id, page.current)
        if (found) return found
        await pause(80 * (attempt + 1))
      }
      return null
    }
    void surface().then((found) => {
      if (cancelled) return
      if (!found) {
        chart.current = null
        setOutcome('blank')
        return
      }
      try {
        const pixelRatio = devicePixelRatio()
        found.node.width = Math.round(found.width * pixelRatio)
        found.node.height = Math.round(found.height * pixelRatio)
        const context = found.node.getContext('2d')
        if (!context) throw new Error('no 2d context')
        chart.current = new UCharts(chartOptions(spec, found, context, pixelRatio, largeText))
        setOutcome('drawn')
      } catch {
        // A canvas that cannot draw leaves the chart blank; the text rows still tell it all.
        chart.current = null
        setOutcome('blank')
      }
    })
    return () => {
      cancelled = true
    }
  }, [id, spec, largeText, layout])

  /** A tap at (x, y) CSS pixels from the canvas's top left corner. */
  const pickAt = useCallback(
    (x: number, y: number) => {
      if (!chart.current || !pick.current) return
      try {
        const index = chartIndex(chart.current.getCurrentDataIndex({ changedTouches: [{ x, y }] }), spec.categories.length)
        if (index !== null) pick.current(index)
      } catch {
        // not a bar or point
      }
    },
    [spec],
  )

  if (process.env.TARO_ENV === 'h5') {
    return (
      <View className={`dashboard-chart dashboard-chart--${outcome} ${className ?? ''}`} data-chart={outcome}>
        <canvas
          ref={h5Canvas}
          id={id}
          className='dashboard-chart__canvas'
          onClick={(event) => {
            const rect = event.currentTarget.getBoundingClientRect()
            pickAt(event.clientX - rect.left, event.clientY - rect.top)
          }}
        />
      </View>
    )
  }

  // weapp: a canvas's touches carry x/y relative to the canvas. A tap, not a scroll: it must end
  // where it started.
  return (
    <View className={`dashboard-chart dashboard-chart--${outcome} ${className ?? ''}`} data-chart={outcome}>
      <Canvas
        type='2d'
        id={id}
        className='dashboard-chart__canvas'
        onTouchStart={(event) => {
          const touch = event.touches?.[0] as unknown as { x?: number; y?: number } | undefined
          touchStart.current = touch?.x != null && touch.y != null ? { x: touch.x, y: touch.y } : null
        }}
        onTouchEnd={(event) => {
          const touch = event.changedTouches?.[0] as unknown as { x?: number; y?: number } | undefined
          const start = touchStart.current
          touchStart.current = null
          if (!start || touch?.x == null || touch.y == null) return
          if (Math.abs(touch.x - start.x) > 12 || Math.abs(touch.y - start.y) > 12) return
          pickAt(touch.x, touch.y)
        }}
      />
    </View>
  )
}

