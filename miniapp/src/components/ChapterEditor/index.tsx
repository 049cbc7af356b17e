import { Input, Text, Textarea, View } from '@tarojs/components'
import type { ChapterDraft, ChapterField } from '../../utils/courseEditor'
import { chapterKindLabel } from '../../utils/courseContent'
import './index.scss'

interface Props {
  chapter: ChapterDraft
  index: number
  count: number
  errors?: Partial<Record<ChapterField, string>>
  onChange: (patch: Partial<ChapterDraft>) => void
  onMove: (delta: -1 | 1) => void
  onDelete: () => void
}

/**
 * One chapter in the course editor: its title and, for 图文, a plain text box (a blank line starts a
 * new paragraph); for 视频/音频, the media address and the length as minutes:seconds. Moving and
 * deleting are big buttons on the card itself, not gestures.
 */
export default function ChapterEditor({ chapter, index, count, errors = {}, onChange, onMove, onDelete }: Props) {
  const kind = chapter.kind.toLowerCase()
  const media = chapter.kind === 'AUDIO' ? '音频' : '视频'
  const problem = errors.kind ?? errors.id
  const invalid = Object.values(errors).some(Boolean)
  return (
    <View className={`chapter-card chapter-card--${kind}${invalid ? ' chapter-card--invalid' : ''}`}>
      <View className='chapter-card__head'>
        <Text className='chapter-card__number'>第 {index + 1} 章</Text>
        <Text className={`chapter-card__kind chapter-card__kind--${kind}`}>{chapterKindLabel(chapter.kind)}</Text>
      </View>
      {problem && <Text className='chapter-card__error chapter-card__error--kind'>{problem}</Text>}

      <Text className='chapter-card__label'>章节标题</Text>
      <Input
        className='form-input chapter-card__title'
        value={chapter.title}
        placeholder='比如：第一讲 倾听孩子'
        maxlength={60}
        onInput={(event) => onChange({ title: event.detail.value })}
      />
      {errors.title && <Text className='chapter-card__error chapter-card__error--title'>{errors.title}</Text>}

      {chapter.kind === 'ARTICLE' ? (
        <>
          <Text className='chapter-card__label'>正文</Text>
          <Textarea
            className='form-textarea form-textarea--long chapter-card__body'
            value={chapter.text}
            placeholder='在这里写正文。段落之间空一行。'
            maxlength={20000}
            autoHeight
            disableDefaultPadding
            onInput={(event) => onChange({ text: event.detail.value })}
          />
          <Text className='chapter-card__hint'>段落之间空一行（按两次换行），保存后会分成段落显示。</Text>
          {chapter.hadFormatting && (
            <Text className='chapter-card__hint chapter-card__hint--formatting'>
              这一章原来有标题、列表或加粗等格式，在这里保存后会变成普通段落。
            </Text>
          )}
          {errors.body && <Text className='chapter-card__error chapter-card__error--body'>{errors.body}</Text>}
        </>
      ) : (
        <>
          <Text className='chapter-card__label'>{media}地址</Text>
          <Input
            className='form-input chapter-card__media'
            value={chapter.mediaUrl}
            placeholder='https://…'
            maxlength={500}
            onInput={(event) => onChange({ mediaUrl: event.detail.value })}
          />
          {errors.mediaUrl && <Text className='chapter-card__error chapter-card__error--mediaUrl'>{errors.mediaUrl}</Text>}
          <Text className='chapter-card__label'>时长（分:秒）</Text>
          <Input
            className='form-input chapter-card__duration'
            value={chapter.duration}
            placeholder='比如 12:30'
            maxlength={10}
            onInput={(event) => onChange({ duration: event.detail.value })}
          />
          {errors.durationSeconds && (
            <Text className='chapter-card__error chapter-card__error--durationSeconds'>{errors.durationSeconds}</Text>
          )}
        </>
      )}

      <View className='chapter-card__tools'>
        <View
          className={`chapter-card__tool chapter-card__up${index === 0 ? ' chapter-card__tool--off' : ''}`}
          hoverClass='chapter-card__tool--hover'
          onClick={() => index > 0 && onMove(-1)}
        >
          ↑ 上移
        </View>
        <View
          className={`chapter-card__tool chapter-card__down${index === count - 1 ? ' chapter-card__tool--off' : ''}`}
          hoverClass='chapter-card__tool--hover'
          onClick={() => index < count - 1 && onMove(1)}
        >
          ↓ 下移
        </View>
        <View className='chapter-card__tool chapter-card__delete' hoverClass='chapter-card__tool--hover' onClick={onDelete}>
          删除
        </View>
      </View>
    </View>
  )
}
