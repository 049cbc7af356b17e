import Taro from '@tarojs/taro'
import { currentToken } from '../../services/session'
import { exportFailureMessage, exportFileName, exportUrl, shareFailureMessage, type ExportKind } from './dashboard-model'

export interface ExportRequest {
  kind: ExportKind
  year: number
  countyCode: string | null
  /** 全市 or the county's name, for the file name. */
  scopeName: string
}

/** A file downloaded on the weapp, waiting for the organizer's tap on 发送到聊天. */
export interface ExportedFile {
  path: string
  fileName: string
  /** False on a WeChat client without shareFileMessage: the page says what to do instead. */
  canShare: boolean
}

/**
 * What happened, in words for the organizer (null: nothing to say). On the weapp a download ends
 * with `file`: the page shows it with a 发送到聊天 button, since shareFileMessage works only from a
 * real tap and the download's awaits are no longer one.
 */
export type ExportOutcome = { ok: true; message: string | null; file?: ExportedFile } | { ok: false; message: string }
const NOT_SIGNED_IN: ExportOutcome = { ok: false, message: '请先登录再导出' }

/**
 * H5: the export needs the Bearer header, which a plain link cannot carry, so fetch it, make a
 * Blob URL and click a link with `download` (the browser saves it under our file name).
 */
async function exportOnH5(request: ExportRequest, token: string): Promise<ExportOutcome> {
  let response: Response
  try {
    response = await fetch(exportUrl(API_URL, request.kind, request.year, request.countyCode), { headers: { Authorization: `Bearer ${token}` } })
  } catch {
    return { ok: false, message: '网络不通，导出失败，请稍后再试' }
  }
  if (!response.ok) return { ok: false, message: exportFailureMessage(response.status, await response.text().catch(() => '')) }
  try {
    // The body can still break off mid-way (a dropped connection): that is a failure to say too.
    const blob = await response.blob()
    const url = URL.createObjectURL(blob)
    const link = document.createElement('a')
    link.href = url
    link.download = exportFileName(request.kind, request.year, request.scopeName)
    link.style.display = 'none'
    document.body.appendChild(link)
    link.click()
    link.remove()
    // Give the browser the time to start the download before the URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 60_000)
  } catch {
    return { ok: false, message: '下载中断，导出失败，请稍后再试' }
  }
  return { ok: true, message: '已开始下载' }
}

function readText(filePath: string): string {
  try {
    return String(Taro.getFileSystemManager().readFileSync(filePath, 'utf8'))
  } catch {
    return ''
  }
}

/**
 * weapp: downloadFile (with the header) into a file named .csv. WeChat's openDocument opens only
 * doc/docx/xls/xlsx/ppt/pptx/pdf, not CSV, so the file goes to a chat (shareFileMessage, e.g.
 * 文件传输助手, to open it in Excel on a computer). shareFileMessage must be called from a user's tap:
 * this only downloads, and the page offers the 发送到聊天 button that calls `shareExportedFile`.
 */
async function exportOnWeapp(request: ExportRequest, token: string): Promise<ExportOutcome> {
  const fileName = exportFileName(request.kind, request.year, request.scopeName)
  const userDir = (Taro as unknown as { env?: { USER_DATA_PATH?: string } }).env?.USER_DATA_PATH
  let downloaded: { statusCode: number; tempFilePath?: string; filePath?: string }
  Taro.showLoading({ title: '正在导出…', mask: true })
  try {
    downloaded = await Taro.downloadFile({
      url: exportUrl(API_URL, request.kind, request.year, request.countyCode),
      header: { Authorization: `Bearer ${token}` },
      ...(userDir ? { filePath: `${userDir}/${fileName}` } : {}),
    })
  } catch {
    return { ok: false, message: '网络不通，导出失败，请稍后再试' }
  } finally {
    Taro.hideLoading()
  }
  const path = downloaded.filePath || downloaded.tempFilePath || ''
  if (downloaded.statusCode !== 200 || !path) return { ok: false, message: exportFailureMessage(downloaded.statusCode, path ? readText(path) : '') }
  return { ok: true, message: null, file: { path, fileName, canShare: typeof Taro.shareFileMessage === 'function' } }
}

/**
 * Sends a downloaded export to a chat. Call it straight from the tap handler (no await before it):
 * WeChat refuses shareFileMessage outside a user's tap. `answer` gets 'sent', 'cancelled' (the
 * organizer closed WeChat's chat list: nothing to say) or the words to show.
 */
export function shareExportedFile(file: ExportedFile, answer: (outcome: 'sent' | 'cancelled' | { failure: string }) => void): void {
  // Answered once: Taro's wrapper may report a failure through both the callback and its promise.
  let answered = false
  const done = (failure: string | null, sent = false) => {
    if (answered) return
    answered = true
    answer(sent ? 'sent' : failure === null ? 'cancelled' : { failure })
  }
  if (typeof Taro.shareFileMessage !== 'function') {
    done(shareFailureMessage('shareFileMessage:fail not supported'))
    return
  }
  try {
    const pending: unknown = Taro.shareFileMessage({
      filePath: file.path,
      fileName: file.fileName,
      success: () => done(null, true),
      fail: (error: { errMsg?: string }) => done(shareFailureMessage(error?.errMsg)),
    })
    // Promised where Taro wraps the API (not everywhere): the fail callback has said it, and the
    // rejection must not go unhandled.
    if (pending && typeof (pending as Promise<unknown>).catch === 'function') (pending as Promise<unknown>).catch(() => undefined)
  } catch (error) {
    done(shareFailureMessage((error as { errMsg?: string; message?: string })?.errMsg ?? String((error as Error)?.message ?? '')))
  }
}

export async function exportOutreach(request: ExportRequest): Promise<ExportOutcome> {
  const token = currentToken()
  if (!token) return NOT_SIGNED_IN
  return process.env.TARO_ENV === 'h5' ? exportOnH5(request, token) : exportOnWeapp(request, token)
}
