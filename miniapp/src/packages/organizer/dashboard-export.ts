import Taro from '@tarojs/taro'
import { currentToken } from '../../services/session'
import { exportFailureMessage, exportFileName, exportUrl, type ExportKind } from './dashboard-model'

export interface ExportRequest {
  kind: ExportKind
  year: number
  countyCode: string | null
  /** 全市 or the county's name, for the file name. */
  scopeName: string
}

/** What happened, in words for the organizer (null: nothing to say, the file is open or saved). */
export type ExportOutcome = { ok: true; message: string | null } | { ok: false; message: string }

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
 * doc/docx/xls/xlsx/ppt/pptx/pdf, not CSV, so the file is sent to a chat (shareFileMessage, e.g.
 * 文件传输助手, to open it in Excel on a computer); where that is unavailable or declined, try
 * openDocument anyway (some clients preview text) and otherwise say plainly what to do.
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

  if (typeof Taro.shareFileMessage === 'function') {
    const { confirm } = await Taro.showModal({
      title: '导出完成',
      content: `${fileName}\n微信里不能直接打开表格文件，发送到聊天（如“文件传输助手”）后在电脑上用 Excel 打开。`,
      confirmText: '发送',
      cancelText: '取消',
    })
    if (!confirm) return { ok: true, message: null }
    try {
      await Taro.shareFileMessage({ filePath: path, fileName })
      return { ok: true, message: null }
    } catch (error) {
      if (/cancel/i.test(String((error as { errMsg?: string })?.errMsg ?? ''))) return { ok: true, message: null }
    }
  }
  try {
    await Taro.openDocument({ filePath: path, showMenu: true })
    return { ok: true, message: null }
  } catch {
    return { ok: false, message: '此微信版本打不开表格文件，请在电脑上登录后导出' }
  }
}

export async function exportOutreach(request: ExportRequest): Promise<ExportOutcome> {
  const token = currentToken()
  if (!token) return NOT_SIGNED_IN
  return process.env.TARO_ENV === 'h5' ? exportOnH5(request, token) : exportOnWeapp(request, token)
}
