// @qiun/ucharts ships plain JavaScript. The slice of its API the dashboard uses.
declare module '@qiun/ucharts' {
  export interface UChartsOptions {
    type: string
    context: unknown
    width: number
    height: number
    pixelRatio?: number
    canvas2d?: boolean
    animation?: boolean
    background?: string
    color?: string[]
    fontSize?: number
    fontColor?: string
    padding?: number[]
    categories?: string[]
    series: Array<Record<string, unknown>>
    xAxis?: Record<string, unknown>
    yAxis?: Record<string, unknown>
    legend?: Record<string, unknown>
    extra?: Record<string, unknown>
    dataLabel?: boolean
    dataPointShape?: boolean
  }
  export default class UCharts {
    constructor(options: UChartsOptions)
    getCurrentDataIndex(event: { changedTouches: Array<{ x: number; y: number }> }): unknown
  }
}
