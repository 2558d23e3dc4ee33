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
        adults (list[Adult] | Unset): Every adult present or with access to the children.
        call (CallHandling | None | Unset): What the control room recorded.
        children (list[Child] | Unset): Every child present or normally resident.
        custody (Custody | None | Unset): A detainee in custody: a child, or a parent or carer.
        image_abuse (ImageAbuse | None | Unset): A child's sexual images shared or coerced.
        missing (MissingEpisode | None | Unset): A missing-person report about a child.
        narratives (list[Narrative] | Unset): Free-text entries: logs, crime reports, missing reviews, notes,
            rationales.
        scene (None | Scene | Unset): What officers found and did at the scene.
        schema_version (ChecklistSchemaVersion | Unset): Checklist schema version. Version 2 adds missing children,
            custody, image abuse, narratives and a few fields elsewhere; omitted means 1. Default:
            ChecklistSchemaVersion.VALUE_1.
    """

    incident: Incident
    actions: Actions | None | Unset = UNSET
    adults: list[Adult] | Unset = UNSET
    call: CallHandling | None | Unset = UNSET
    children: list[Child] | Unset = UNSET
    custody: Custody | None | Unset = UNSET
    image_abuse: ImageAbuse | None | Unset = UNSET
    missing: MissingEpisode | None | Unset = UNSET
    narratives: list[Narrative] | Unset = UNSET
    scene: None | Scene | Unset = UNSET
    schema_version: ChecklistSchemaVersion | Unset = ChecklistSchemaVersion.VALUE_1

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

        adults: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.adults, Unset):
            adults = []
            for adults_item_data in self.adults:
                adults_item = adults_item_data.to_dict()
                adults.append(adults_item)

        call: dict[str, Any] | None | Unset
        if isinstance(self.call, Unset):
            call = UNSET
        elif isinstance(self.call, CallHandling):
            call = self.call.to_dict()
        else:
            call = self.call

        children: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.children, Unset):
            children = []
            for children_item_data in self.children:
                children_item = children_item_data.to_dict()
                children.append(children_item)

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

        narratives: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.narratives, Unset):
            narratives = []
            for narratives_item_data in self.narratives:
                narratives_item = narratives_item_data.to_dict()
                narratives.append(narratives_item)

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
        if narratives is not UNSET:
            field_dict["narratives"] = narratives
        if scene is not UNSET:
            field_dict["scene"] = scene
        if schema_version is not UNSET:
            field_dict["schema_version"] = schema_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actions import Actions  # noqa: PLC0415
        from ..models.adult import Adult  # noqa: PLC0415
        from ..models.call_handling import CallHandling  # noqa: PLC0415
        from ..models.child import Child  # noqa: PLC0415
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

        _adults = d.pop("adults", UNSET)
        adults: list[Adult] | Unset = UNSET
        if _adults is not UNSET:
            adults = []
            for adults_item_data in _adults:
                adults_item = Adult.from_dict(adults_item_data)

                adults.append(adults_item)

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

        _children = d.pop("children", UNSET)
        children: list[Child] | Unset = UNSET
        if _children is not UNSET:
            children = []
            for children_item_data in _children:
                children_item = Child.from_dict(children_item_data)

                children.append(children_item)

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

        _narratives = d.pop("narratives", UNSET)
        narratives: list[Narrative] | Unset = UNSET
        if _narratives is not UNSET:
            narratives = []
            for narratives_item_data in _narratives:
                narratives_item = Narrative.from_dict(narratives_item_data)

                narratives.append(narratives_item)

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

        checklist = cls(
            incident=incident,
            actions=actions,
            adults=adults,
            call=call,
            children=children,
            custody=custody,
            image_abuse=image_abuse,
            missing=missing,
            narratives=narratives,
            scene=scene,
            schema_version=schema_version,
        )

        return checklist
