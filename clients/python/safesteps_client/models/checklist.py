from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.checklist_schema_version import ChecklistSchemaVersion
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.actions import Actions
    from ..models.adult import Adult
    from ..models.call_handling import CallHandling
    from ..models.child import Child
    from ..models.child_search import ChildSearch
    from ..models.custody import Custody
    from ..models.image_abuse import ImageAbuse
    from ..models.incident import Incident
    from ..models.missing_episode import MissingEpisode
    from ..models.narrative import Narrative
    from ..models.scene import Scene


T = TypeVar("T", bound="Checklist")


@_attrs_define
class Checklist:
    """A checklist as submitted by a control-room system or an MDT, full or partial.

    Attributes:
        incident (Incident):
        actions (Actions | None | Unset): Actions: referral, police protection, Operation Encompass, supervision,
            decisions.
        adults (list[Adult] | None | Unset): Every adult present or with access to the children. `null` or absent: not
            recorded; `[]`: recorded as none (before schema version 3, absent means `[]`).
        call (CallHandling | None | Unset): What the control room recorded.
        children (list[Child] | None | Unset): Every child present or normally resident. `null` or absent: not recorded;
            `[]`: recorded as none (before schema version 3, absent means `[]`).
        custody (Custody | None | Unset): A detainee in custody: a child, or a parent or carer.
        image_abuse (ImageAbuse | None | Unset): A child's sexual images shared or coerced.
        missing (MissingEpisode | None | Unset): A missing-person report about a child.
        missing_children (list[MissingEpisode] | None | Unset): Several children missing in one incident: one episode
            per child, each with its `child_id`, risk grade and return. `missing` is the form for one child; rules read both
            together. `null` or absent: not recorded; `[]`: recorded as none (before schema version 3, absent means `[]`).
        narratives (list[Narrative] | None | Unset): Free-text entries: logs, crime reports, missing reviews, notes,
            rationales. `null` or absent: not recorded; `[]`: recorded as none (before schema version 3, absent means `[]`).
        scene (None | Scene | Unset): What officers found and did at the scene.
        schema_version (ChecklistSchemaVersion | Unset): Checklist schema version. Version 2 adds missing children,
            custody, image abuse, narratives and a few fields elsewhere. Version 3 adds decisions not to act, reliance on
            others' word, searches of children, bail conditions, several missing children and the facts that make steps due,
            and tells `null` lists (not recorded) from `[]` (none). Omitted means 1. Default:
            ChecklistSchemaVersion.VALUE_1.
        searches (list[ChildSearch] | None | Unset): Searches of a child, anywhere (a strip search at school as in
            custody). `null` or absent: not recorded; `[]`: recorded as none (before schema version 3, absent means `[]`).
    """

    incident: Incident
    actions: Actions | None | Unset = UNSET
    adults: list[Adult] | None | Unset = UNSET
    call: CallHandling | None | Unset = UNSET
    children: list[Child] | None | Unset = UNSET
    custody: Custody | None | Unset = UNSET
    image_abuse: ImageAbuse | None | Unset = UNSET
    missing: MissingEpisode | None | Unset = UNSET
    missing_children: list[MissingEpisode] | None | Unset = UNSET
    narratives: list[Narrative] | None | Unset = UNSET
    scene: None | Scene | Unset = UNSET
    schema_version: ChecklistSchemaVersion | Unset = ChecklistSchemaVersion.VALUE_1
    searches: list[ChildSearch] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.actions import Actions  # noqa: PLC0415
        from ..models.call_handling import CallHandling  # noqa: PLC0415
        from ..models.custody import Custody  # noqa: PLC0415
        from ..models.image_abuse import ImageAbuse  # noqa: PLC0415
        from ..models.missing_episode import MissingEpisode  # noqa: PLC0415
        from ..models.scene import Scene  # noqa: PLC0415

        incident = self.incident.to_dict()

        actions: dict[str, Any] | None | Unset
        if isinstance(self.actions, Unset):
            actions = UNSET
        elif isinstance(self.actions, Actions):
            actions = self.actions.to_dict()
        else:
            actions = self.actions

        adults: list[dict[str, Any]] | None | Unset
        if isinstance(self.adults, Unset):
            adults = UNSET
        elif isinstance(self.adults, list):
            adults = []
            for adults_type_0_item_data in self.adults:
                adults_type_0_item = adults_type_0_item_data.to_dict()
                adults.append(adults_type_0_item)

        else:
            adults = self.adults

        call: dict[str, Any] | None | Unset
        if isinstance(self.call, Unset):
            call = UNSET
        elif isinstance(self.call, CallHandling):
            call = self.call.to_dict()
        else:
            call = self.call

        children: list[dict[str, Any]] | None | Unset
        if isinstance(self.children, Unset):
            children = UNSET
        elif isinstance(self.children, list):
            children = []
            for children_type_0_item_data in self.children:
                children_type_0_item = children_type_0_item_data.to_dict()
                children.append(children_type_0_item)

        else:
            children = self.children

        custody: dict[str, Any] | None | Unset
        if isinstance(self.custody, Unset):
            custody = UNSET
        elif isinstance(self.custody, Custody):
            custody = self.custody.to_dict()
        else:
            custody = self.custody

        image_abuse: dict[str, Any] | None | Unset
        if isinstance(self.image_abuse, Unset):
            image_abuse = UNSET
        elif isinstance(self.image_abuse, ImageAbuse):
            image_abuse = self.image_abuse.to_dict()
        else:
            image_abuse = self.image_abuse

        missing: dict[str, Any] | None | Unset
        if isinstance(self.missing, Unset):
            missing = UNSET
        elif isinstance(self.missing, MissingEpisode):
            missing = self.missing.to_dict()
        else:
            missing = self.missing

        missing_children: list[dict[str, Any]] | None | Unset
        if isinstance(self.missing_children, Unset):
            missing_children = UNSET
        elif isinstance(self.missing_children, list):
            missing_children = []
            for missing_children_type_0_item_data in self.missing_children:
                missing_children_type_0_item = missing_children_type_0_item_data.to_dict()
                missing_children.append(missing_children_type_0_item)

        else:
            missing_children = self.missing_children

        narratives: list[dict[str, Any]] | None | Unset
        if isinstance(self.narratives, Unset):
            narratives = UNSET
        elif isinstance(self.narratives, list):
            narratives = []
            for narratives_type_0_item_data in self.narratives:
                narratives_type_0_item = narratives_type_0_item_data.to_dict()
                narratives.append(narratives_type_0_item)

        else:
            narratives = self.narratives

        scene: dict[str, Any] | None | Unset
        if isinstance(self.scene, Unset):
            scene = UNSET
        elif isinstance(self.scene, Scene):
            scene = self.scene.to_dict()
        else:
            scene = self.scene

        schema_version: int | Unset = UNSET
        if not isinstance(self.schema_version, Unset):
            schema_version = self.schema_version.value

        searches: list[dict[str, Any]] | None | Unset
        if isinstance(self.searches, Unset):
            searches = UNSET
        elif isinstance(self.searches, list):
            searches = []
            for searches_type_0_item_data in self.searches:
                searches_type_0_item = searches_type_0_item_data.to_dict()
                searches.append(searches_type_0_item)

        else:
            searches = self.searches

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "incident": incident,
            }
        )
        if actions is not UNSET:
            field_dict["actions"] = actions
        if adults is not UNSET:
            field_dict["adults"] = adults
        if call is not UNSET:
            field_dict["call"] = call
        if children is not UNSET:
            field_dict["children"] = children
        if custody is not UNSET:
            field_dict["custody"] = custody
        if image_abuse is not UNSET:
            field_dict["image_abuse"] = image_abuse
        if missing is not UNSET:
            field_dict["missing"] = missing
        if missing_children is not UNSET:
            field_dict["missing_children"] = missing_children
        if narratives is not UNSET:
            field_dict["narratives"] = narratives
        if scene is not UNSET:
            field_dict["scene"] = scene
        if schema_version is not UNSET:
            field_dict["schema_version"] = schema_version
        if searches is not UNSET:
            field_dict["searches"] = searches

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actions import Actions  # noqa: PLC0415
        from ..models.adult import Adult  # noqa: PLC0415
        from ..models.call_handling import CallHandling  # noqa: PLC0415
        from ..models.child import Child  # noqa: PLC0415
        from ..models.child_search import ChildSearch  # noqa: PLC0415
        from ..models.custody import Custody  # noqa: PLC0415
        from ..models.image_abuse import ImageAbuse  # noqa: PLC0415
        from ..models.incident import Incident  # noqa: PLC0415
        from ..models.missing_episode import MissingEpisode  # noqa: PLC0415
        from ..models.narrative import Narrative  # noqa: PLC0415
        from ..models.scene import Scene  # noqa: PLC0415

        d = dict(src_dict)
        incident = Incident.from_dict(d.pop("incident"))

        def _parse_actions(data: object) -> Actions | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                actions_type_0 = Actions.from_dict(data)

                return actions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Actions | None | Unset, data)

        actions = _parse_actions(d.pop("actions", UNSET))

        def _parse_adults(data: object) -> list[Adult] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                adults_type_0 = []
                _adults_type_0 = data
                for adults_type_0_item_data in _adults_type_0:
                    adults_type_0_item = Adult.from_dict(adults_type_0_item_data)

                    adults_type_0.append(adults_type_0_item)

                return adults_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Adult] | None | Unset, data)

        adults = _parse_adults(d.pop("adults", UNSET))

        def _parse_call(data: object) -> CallHandling | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                call_type_0 = CallHandling.from_dict(data)

                return call_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CallHandling | None | Unset, data)

        call = _parse_call(d.pop("call", UNSET))

        def _parse_children(data: object) -> list[Child] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                children_type_0 = []
                _children_type_0 = data
                for children_type_0_item_data in _children_type_0:
                    children_type_0_item = Child.from_dict(children_type_0_item_data)

                    children_type_0.append(children_type_0_item)

                return children_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Child] | None | Unset, data)

        children = _parse_children(d.pop("children", UNSET))

        def _parse_custody(data: object) -> Custody | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                custody_type_0 = Custody.from_dict(data)

                return custody_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Custody | None | Unset, data)

        custody = _parse_custody(d.pop("custody", UNSET))

        def _parse_image_abuse(data: object) -> ImageAbuse | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                image_abuse_type_0 = ImageAbuse.from_dict(data)

                return image_abuse_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ImageAbuse | None | Unset, data)

        image_abuse = _parse_image_abuse(d.pop("image_abuse", UNSET))

        def _parse_missing(data: object) -> MissingEpisode | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                missing_type_0 = MissingEpisode.from_dict(data)

                return missing_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MissingEpisode | None | Unset, data)

        missing = _parse_missing(d.pop("missing", UNSET))

        def _parse_missing_children(data: object) -> list[MissingEpisode] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                missing_children_type_0 = []
                _missing_children_type_0 = data
                for missing_children_type_0_item_data in _missing_children_type_0:
                    missing_children_type_0_item = MissingEpisode.from_dict(missing_children_type_0_item_data)

                    missing_children_type_0.append(missing_children_type_0_item)

                return missing_children_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MissingEpisode] | None | Unset, data)

        missing_children = _parse_missing_children(d.pop("missing_children", UNSET))

        def _parse_narratives(data: object) -> list[Narrative] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                narratives_type_0 = []
                _narratives_type_0 = data
                for narratives_type_0_item_data in _narratives_type_0:
                    narratives_type_0_item = Narrative.from_dict(narratives_type_0_item_data)

                    narratives_type_0.append(narratives_type_0_item)

                return narratives_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[Narrative] | None | Unset, data)

        narratives = _parse_narratives(d.pop("narratives", UNSET))

        def _parse_scene(data: object) -> None | Scene | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                scene_type_0 = Scene.from_dict(data)

                return scene_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Scene | Unset, data)

        scene = _parse_scene(d.pop("scene", UNSET))

        _schema_version = d.pop("schema_version", UNSET)
        schema_version: ChecklistSchemaVersion | Unset
        if isinstance(_schema_version, Unset):
            schema_version = UNSET
        else:
            schema_version = ChecklistSchemaVersion(_schema_version)

        def _parse_searches(data: object) -> list[ChildSearch] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                searches_type_0 = []
                _searches_type_0 = data
                for searches_type_0_item_data in _searches_type_0:
                    searches_type_0_item = ChildSearch.from_dict(searches_type_0_item_data)

                    searches_type_0.append(searches_type_0_item)

                return searches_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[ChildSearch] | None | Unset, data)

        searches = _parse_searches(d.pop("searches", UNSET))

        checklist = cls(
            incident=incident,
            actions=actions,
            adults=adults,
            call=call,
            children=children,
            custody=custody,
            image_abuse=image_abuse,
            missing=missing,
            missing_children=missing_children,
            narratives=narratives,
            scene=scene,
            schema_version=schema_version,
            searches=searches,
        )

        return checklist
